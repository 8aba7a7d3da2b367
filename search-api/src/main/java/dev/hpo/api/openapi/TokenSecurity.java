package dev.hpo.api.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Which operations need the bearer token: every write and the whole worker protocol, when the service was started
 * with a token; reads never do, so dashboards and status commands need no secret.
 */
final class TokenSecurity implements OperationCustomizer {

    static final String SCHEME = "bearer";

    static SecurityScheme scheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The token the service was started with (--token or HPO_API_TOKEN). Needed on every "
                        + "write when one was given, and one must be given for the service to listen beyond "
                        + "loopback; reads never need it.");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation.security(Requests.isWrite(handler)
                ? List.of(new SecurityRequirement().addList(SCHEME))
                : List.of());
    }
}
