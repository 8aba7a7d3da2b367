package dev.hpo.protocol.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long a request is repeated while the API is unreachable or answers that it cannot serve now (a 5xx, 408 or
 * 429): exponential backoff from {@code first} up to {@code longest} between attempts, for as long as
 * {@code keepTrying} says. A refusal (any other 4xx) is never repeated: it would be refused again.
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

    /** The wait after one that lasted {@code previous}: twice as long, at most {@code longest}. */
    Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }
}
