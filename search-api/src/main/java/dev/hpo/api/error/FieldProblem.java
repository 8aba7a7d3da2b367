package dev.hpo.api.error;

/**
 * One invalid field of a request.
 *
 * @param path where the field is in the request body or the request, e.g. {@code metrics.accuracy} or {@code count}
 * @param message what is wrong with it, in words a user can act on
 */
public record FieldProblem(String path, String message) {
}
