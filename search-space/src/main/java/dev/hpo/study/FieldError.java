package dev.hpo.study;

import java.util.Objects;

/**
 * One invalid field of a study spec, or of a request to the API.
 *
 * @param path JSON path of the field at fault, e.g. {@code parameters[2].max}; {@code $} for the whole document
 * @param message why, e.g. {@code must be greater than min (0.001)}
 */
public record FieldError(String path, String message) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
