package dev.hpo.protocol.client;

import dev.hpo.protocol.Problem;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to the API that did not succeed: refused, not served now, or not answered at all. It says which
 * ({@link #failure()}), carries the status and the API's problem detail when there was an answer, and names the
 * API and the request, so each caller words it for its own reader.
 */
public final class ApiException extends RuntimeException {

    /** Why a request did not succeed. */
    public enum Failure {
        /** The API refused the request (a 4xx other than 408 and 429); repeating it will not change that. */
        REFUSED,
        /** The API answered that it cannot serve the request now (a 5xx, 408 or 429). */
        UNAVAILABLE,
        /** No connection to the API could be made. */
        UNREACHABLE,
        /** Connected, but the answer did not come in time. */
        TIMED_OUT,
        /** The connection broke during the exchange. */
        CONNECTION_LOST,
        /** The API answered with a success whose body is not the record the protocol promises. */
        UNREADABLE,
        /** The waiting thread was interrupted. */
        INTERRUPTED;

        /** Whether the same request may succeed later: the API was away or busy, not in disagreement. */
        public boolean retryable() {
            return this == UNAVAILABLE || this == UNREACHABLE || this == TIMED_OUT || this == CONNECTION_LOST;
        }
    }

    private final Failure failure;
    private final URI api;
    private final String request;
    private final int status;
    private final Problem problem;

    private ApiException(Failure failure, URI api, String request, int status, Problem problem, String message,
                         Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.api = api;
        this.request = request;
        this.status = status;
        this.problem = problem;
    }

    /**
     * The API answered {@code status}, with {@code problem} when its body was a problem detail.
     *
     * @param request method and path, e.g. {@code POST api/trials/7/complete}
     */
    static ApiException answered(URI api, String request, int status, Problem problem) {
        boolean busy = status >= 500 || status == 408 || status == 429;
        String described = problem == null ? "" : problem.describe();
        return new ApiException(busy ? Failure.UNAVAILABLE : Failure.REFUSED, api, request, status, problem,
                "HTTP " + status + (described.isEmpty() ? "" : ": " + described), null);
    }

    /** No usable answer came; {@code message} says what happened in the caller's terms. */
    static ApiException unanswered(Failure failure, URI api, String request, String message, Throwable cause) {
        return new ApiException(failure, api, request, 0, null, message, cause);
    }

    public Failure failure() {
        return failure;
    }

    /** The API's address. */
    public URI api() {
        return api;
    }

    /** The request's method and path, e.g. {@code POST api/trials/7/complete}. */
    public String request() {
        return request;
    }

    /** The answer's status; empty when no answer came. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The API's problem detail, when the answer carried one. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** True for an answer that refuses the request; false for an API that was away, busy or silent. */
    public boolean refused() {
        return failure == Failure.REFUSED;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
