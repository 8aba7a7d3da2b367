package dev.hpo.api.openapi;

import dev.hpo.protocol.Problem;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * The refusals each operation can meet, as they really occur, each an RFC 7807 problem detail in the shape of the
 * protocol's {@link Problem}: those that follow from the request's shape (input that may be invalid, a path that
 * may name nothing, a body that may be too large or not JSON, a write without the token, a database that may be
 * away) are added here as shared responses; those of one operation (its conflicts) are written on its controller
 * method and get the problem's content here.
 */
final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";

    /** The shared refusals, by the name of their response in the document's components. */
    enum Refusal {
        BAD_REQUEST("400", "BadRequest", "The request is invalid: errors names each field at fault (a path or query "
                + "parameter, or a JSON path in the body) and why."),
        UNAUTHORIZED("401", "Unauthorized", "The service was started with a token, and the request carries no "
                + "'Authorization: Bearer <token>' header or a token it does not accept."),
        NOT_FOUND("404", "NotFound", "The study or trial the path names does not exist."),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The body is larger than the service accepts (hpo.api.max-body, "
                + "1 MB unless configured; hpo.api.max-import for a study archive, 64 MB unless configured; "
                + "hpo.api.max-artifact for a trial's file, 1 GB unless configured)."),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not sent as application/json."),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable", "The database cannot be reached right now; nothing was "
                + "changed. Retry after the pause that Retry-After gives.");

        final String code;
        final String component;
        final String description;

        Refusal(String code, String component, String description) {
            this.code = code;
            this.component = component;
            this.description = description;
        }

        ApiResponse response() {
            ApiResponse response = new ApiResponse().description(description).content(problem());
            if (this == UNAUTHORIZED) {
                response.addHeaderObject("WWW-Authenticate", new Header().description("Bearer")
                        .schema(Schemas.of("{\"type\": \"string\"}")));
            } else if (this == SERVICE_UNAVAILABLE) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                        .schema(Schemas.of("{\"type\": \"integer\", \"minimum\": 0}")));
            }
            return response;
        }

        ApiResponse reference() {
            return new ApiResponse().$ref("#/components/responses/" + component);
        }
    }

    /** The problem's schema, from the protocol's record, and the shared refusals. */
    static void addComponents(OpenAPI openApi) {
        Components components = openApi.getComponents();
        ResolvedSchema problem = ModelConverters.getInstance(true)
                .resolveAsResolvedSchema(new AnnotatedType(Problem.class).resolveAsRef(false));
        problem.referencedSchemas.forEach(components::addSchemas);
        components.addSchemas(PROBLEM, problem.schema);
        for (Refusal refusal : Refusal.values()) {
            components.addResponses(refusal.component, refusal.response());
        }
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.content(problem());
            }
        });
        Map<String, ApiResponse> all = new TreeMap<>(responses);
        if (Requests.hasInput(handler)) {
            all.putIfAbsent(Refusal.BAD_REQUEST.code, Refusal.BAD_REQUEST.reference());
        }
        if (Requests.isWrite(handler)) {
            all.putIfAbsent(Refusal.UNAUTHORIZED.code, Refusal.UNAUTHORIZED.reference());
        }
        if (Requests.namesAResource(handler)) {
            all.putIfAbsent(Refusal.NOT_FOUND.code, Refusal.NOT_FOUND.reference());
        }
        if (Requests.hasBody(handler)) {
            all.putIfAbsent(Refusal.PAYLOAD_TOO_LARGE.code, Refusal.PAYLOAD_TOO_LARGE.reference());
            all.putIfAbsent(Refusal.UNSUPPORTED_MEDIA_TYPE.code, Refusal.UNSUPPORTED_MEDIA_TYPE.reference());
        }
        // Every operation reads the database.
        all.putIfAbsent(Refusal.SERVICE_UNAVAILABLE.code, Refusal.SERVICE_UNAVAILABLE.reference());
        ApiResponses ordered = new ApiResponses();
        ordered.putAll(all);
        return operation.responses(ordered);
    }

    private static Content problem() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(Schemas.of("{\"$ref\": \"" + Schemas.ref(PROBLEM) + "\"}")));
    }
}
