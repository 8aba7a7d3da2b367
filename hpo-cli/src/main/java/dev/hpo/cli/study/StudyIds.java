package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;

/** Study ids as users type them. */
final class StudyIds {

    private StudyIds() {
    }

    /** @throws CliException when the id is not a positive whole number */
    static long parse(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new CliException(2, "study id must be a positive whole number, got '" + text + "'");
    }
}
