package dev.hpo.runner.client;

/** The API could not be reached, or answered with a server error, and the caller gave up retrying. */
public final class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
