package dev.hpo.api.error;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the service's limit; answered with 413. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }
}
