package dev.hpo.runner.client;

/**
 * The API answered, and the answer was a refusal that repeating the request will not change (a 4xx): a wrong
 * token, an unknown trial, a finished trial that cannot be changed.
 */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code of the answer. */
    public int status() {
        return status;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
