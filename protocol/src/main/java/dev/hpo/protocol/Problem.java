package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hpo.study.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 7807 problem detail, as the API answers every request it refuses or fails: the status, a short title, a
 * detail a person can act on, and for invalid input the fields at fault. This is the one place that puts a problem
 * into words, for the CLI's messages and the worker's logs alike.
 *
 * @param type {@code about:blank} for the API's own problems
 * @param instance the path of the request that failed
 * @param errors the invalid fields, each with its path in the request ({@code metrics.accuracy}, {@code count});
 *               empty when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** What went wrong in one sentence: the detail, or the title for a problem without one. */
    public Optional<String> headline() {
        if (detail != null && !detail.isBlank()) {
            return Optional.of(detail);
        }
        return Optional.ofNullable(title).filter(t -> !t.isBlank());
    }

    /** Each invalid field as {@code path: message}. */
    public List<String> fieldMessages() {
        return errors.stream().map(e -> e.path() + ": " + e.message()).toList();
    }

    /** The headline and every field message on one line, {@code "; "} apart, for logs and exception messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        headline().ifPresent(parts::add);
        parts.addAll(fieldMessages());
        return String.join("; ", parts);
    }
}
