package dev.hpo.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, the contract that clients we do not write are generated from: the
 * controllers' annotations give each operation its summary and its own answers, the customizers below add what
 * follows from the service as a whole (the study spec's schema, the problem responses, the token).
 */
@Configuration
class OpenApiDocument {

    static final String STUDIES = "studies";
    static final String TRIALS = "trials";
    static final String WORKER_PROTOCOL = "worker protocol";

    @Bean
    OpenAPI searchApi() {
        return new OpenAPI()
                .info(new Info().title("hpo search API").version("1")
                        .description("Studies, their trials, and the worker protocol by which any program runs "
                                + "trials: ask for suggestions, report measurements and heartbeats, complete trials. "
                                + "Every refusal is an RFC 7807 problem detail (application/problem+json)."))
                // Relative, so the document is the same wherever the service listens.
                .servers(List.of(new Server().url("/").description("The service that serves this document.")))
                .tags(List.of(
                        new Tag().name(STUDIES).description("Create, list, read and stop studies; their best "
                                + "configuration and Pareto front."),
                        new Tag().name(TRIALS).description("A study's trials: paged lists, one trial with its "
                                + "learning curve, the CSV export, and known configurations to run first."),
                        new Tag().name(WORKER_PROTOCOL).description("What a worker, a user's training script or "
                                + "curl does to run trials: take them, report measurements and heartbeats, "
                                + "complete or hand them back.")))
                .components(new Components().addSecuritySchemes(TokenSecurity.SCHEME, TokenSecurity.scheme()));
    }

    @Bean
    OpenApiCustomizer studySpecSchemas() {
        return new StudySpecSchemas();
    }

    @Bean
    OpenApiCustomizer problemSchemas() {
        return ProblemResponses::addComponents;
    }

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OperationCustomizer tokenSecurity() {
        return new TokenSecurity();
    }
}
