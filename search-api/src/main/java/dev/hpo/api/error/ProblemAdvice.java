package dev.hpo.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hpo.space.InvalidConfigurationException;
import dev.hpo.study.FieldError;
import dev.hpo.study.InvalidSpecException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become RFC 7807 problem details, in the shape of the protocol's
 * {@link dev.hpo.protocol.Problem}. Client mistakes get their status code and, for invalid input, an {@code errors}
 * list of {@code {path, message}}; nothing ever carries a stack trace or a Java class name. Spring MVC's own failures (405, 406, 415, missing parameters, unknown paths) come through the base
 * class.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> onApiException(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (e instanceof ApiException.InvalidRequest invalid) {
            problem.setProperty("errors", invalid.problems());
        }
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof ApiException.Unauthorized) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return ResponseEntity.status(e.status()).headers(headers).body(problem);
    }

    @ExceptionHandler(InvalidConfigurationException.class)
    ResponseEntity<Object> onInvalidConfiguration(InvalidConfigurationException e) {
        List<FieldError> problems = e.problems().stream().map(ProblemAdvice::parameterProblem).toList();
        return onApiException(new ApiException.InvalidRequest(
                "The configuration does not belong to the study's search space.", problems));
    }

    /** Search-space problems read {@code name: reason}; the name is a key of the request's parameters. */
    private static FieldError parameterProblem(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0
                ? new FieldError("parameters", problem)
                : new FieldError("parameters." + problem.substring(0, colon), problem.substring(colon + 2));
    }

    @ExceptionHandler(InvalidSpecException.class)
    ResponseEntity<Object> onInvalidSpec(InvalidSpecException e) {
        return onApiException(new ApiException.InvalidRequest("The study spec is invalid.", e.errors()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> onConstraintViolation(ConstraintViolationException e) {
        List<FieldError> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return onApiException(new ApiException.InvalidRequest("The request is invalid.", problems));
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> onUnexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to handle the request; its log has the details.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return onApiException(new ApiException.PayloadTooLarge(tooLarge.getMessage()));
        }
        return onApiException(new ApiException.InvalidRequest("The request body could not be read.",
                List.of(bodyProblem(e))));
    }

    private static FieldError bodyProblem(HttpMessageNotReadableException e) {
        JsonMappingException mapping = causeOfType(e, JsonMappingException.class);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(JsonPaths.of(unknown.getPath()), "is not a known field");
        }
        if (mapping instanceof InvalidFormatException format) {
            return new FieldError(JsonPaths.of(format.getPath()),
                    "must be " + JsonPaths.describe(format.getTargetType()) + ", got " + JsonPaths.quote(format.getValue()));
        }
        if (mapping instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldError(JsonPaths.of(mismatch.getPath()),
                    "must be " + JsonPaths.describe(mismatch.getTargetType()));
        }
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return new FieldError(JsonPaths.of(mapping.getPath()), "has an invalid value");
        }
        JsonProcessingException parse = causeOfType(e, JsonProcessingException.class);
        if (parse != null && parse.getLocation() != null) {
            return new FieldError("$", "is not valid JSON (line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ")");
        }
        return new FieldError("$", "a JSON body is required");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return onApiException(new ApiException.InvalidRequest("The request is invalid.", problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return onApiException(new ApiException.InvalidRequest("The request is invalid.", problems));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        return onApiException(ApiException.InvalidRequest.of(name,
                "must be " + JsonPaths.describe(e.getRequiredType()) + ", got " + JsonPaths.quote(e.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return onApiException(ApiException.InvalidRequest.of(e.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed unexpectedly", e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Nullable
    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
