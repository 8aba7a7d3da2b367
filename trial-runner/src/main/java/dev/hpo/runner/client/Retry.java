package dev.hpo.runner.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long a request is repeated while the API is unreachable or answers with a server error: exponential
 * backoff from {@code first} up to {@code longest} between attempts, for as long as {@code keepTrying} says.
 *
 * @param first wait after the first failed attempt, positive
 * @param longest the longest wait between two attempts, at least {@code first}
 * @param keepTrying asked before every new attempt; {@code false} gives up
 */
public record Retry(Duration first, Duration longest, BooleanSupplier keepTrying) {

    public Retry {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest, got " + first + " and " + longest);
        }
    }

    /** Retries for as long as {@code keepTrying} allows, backing off from half a second to 30 seconds. */
    public static Retry whilst(BooleanSupplier keepTrying) {
        return new Retry(Duration.ofMillis(500), Duration.ofSeconds(30), keepTrying);
    }

    /** A single attempt, for commands a person is waiting on. */
    public static Retry never() {
        return new Retry(Duration.ofMillis(1), Duration.ofMillis(1), () -> false);
    }

    Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }
}
