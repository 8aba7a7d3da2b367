package dev.hpo.cli.api;

/**
 * A failure the user must see as one clear message (no stack trace), with the exit code the command ends with.
 * Field errors of a rejected request come as extra lines.
 */
public final class CliException extends RuntimeException {

    /** The API could not be reached. */
    public static final int UNREACHABLE = 3;
    /** The API refused: bad input, unknown study, wrong token. */
    public static final int REFUSED = 1;
    /** The command line itself is wrong: an option, an argument or a file it names. */
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
