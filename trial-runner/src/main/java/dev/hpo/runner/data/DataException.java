package dev.hpo.runner.data;

/**
 * A data file or folder is missing, unreadable or not in the expected format. The message names the file and what
 * is wrong with it, so a user can fix the data without reading code.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
