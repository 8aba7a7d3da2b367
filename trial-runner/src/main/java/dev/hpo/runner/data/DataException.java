package dev.hpo.runner.data;

public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }
}
