package dev.hpo.study;

import java.util.List;
import java.util.stream.Collectors;

/** A study spec with problems; {@link #errors()} lists all of them, each with its JSON path, section by section. */
public final class InvalidSpecException extends IllegalArgumentException {

    private final List<FieldError> errors;

    public InvalidSpecException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
