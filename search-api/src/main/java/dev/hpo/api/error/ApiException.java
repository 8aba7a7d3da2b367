package dev.hpo.api.error;

import dev.hpo.study.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason the client can act on; {@link ProblemAdvice} turns each kind into
 * its status code and problem detail.
 */
public abstract sealed class ApiException extends RuntimeException
        permits ApiException.NotFound, ApiException.Conflict, ApiException.InvalidRequest,
                ApiException.Unauthorized, ApiException.PayloadTooLarge {

    private ApiException(String message) {
        super(message, null, false, false);
    }

    public abstract HttpStatus status();

    public abstract String title();

    /** A study or trial that does not exist. */
    public static final class NotFound extends ApiException {
        public NotFound(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_FOUND;
        }

        @Override
        public String title() {
            return "Not found";
        }
    }

    /** A request that contradicts the current state, e.g. changing a finished trial. */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }

        @Override
        public String title() {
            return "Conflict";
        }
    }

    /** A request with invalid fields, each named with its path. */
    public static final class InvalidRequest extends ApiException {
        private final List<FieldError> problems;

        public InvalidRequest(String message, List<FieldError> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public static InvalidRequest of(String path, String message) {
            return new InvalidRequest("The request is invalid.", List.of(new FieldError(path, message)));
        }

        public List<FieldError> problems() {
            return problems;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }

        @Override
        public String title() {
            return "Invalid request";
        }
    }

    /** A write without the bearer token the service was started with. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }

        @Override
        public String title() {
            return "Unauthorized";
        }
    }

    /** A request body larger than the service accepts. */
    public static final class PayloadTooLarge extends ApiException {
        public PayloadTooLarge(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }

        @Override
        public String title() {
            return "Payload too large";
        }
    }
}
