package dev.hpo.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.hpo.protocol.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.junit.jupiter.api.Test;

/**
 * Only the protocol module's records cross the HTTP boundary: what a controller method takes as its body and
 * returns (inside a ResponseEntity, a List or a Page) is a record of {@code dev.hpo.protocol}, so the service and
 * every client read and write one set of types.
 */
class ProtocolBoundaryRulesTest {

    /**
     * Endpoints whose body is text by design, by method: the study spec as the user wrote it (it is stored as
     * written, and parsed by search-space into all of its errors at once) and the trials' CSV export.
     */
    static final Set<String> TEXT_ENDPOINTS = Set.of(
            "dev.hpo.api.study.StudyController.create(java.lang.String)",
            "dev.hpo.api.trial.TrialController.csv(long)");

    /**
     * Endpoints whose body is a file's bytes by design, by method: a trial's file downloaded (streamed from the
     * artifact store); its upload reads the request's stream and takes no body parameter.
     */
    static final Set<String> FILE_ENDPOINTS = Set.of(
            "dev.hpo.api.artifact.ArtifactController.download(long, long, java.lang.String)");

    /**
     * The dashboard's own endpoints: its study document is JSON written ahead and sent as bytes with an ETag, and
     * its learning curves are rows for one chart; they serve the dashboard's page, not the protocol's clients.
     */
    static final String DASHBOARD = "dev.hpo.api.dashboard";

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo.api");

    static ArchRule onlyProtocolRecordsCrossTheBoundary() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .and().areMetaAnnotatedWith(RequestMapping.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage(DASHBOARD)
                .should(takeAndReturnOnlyProtocolRecords());
    }

    @Test
    void controllersTakeAndReturnOnlyProtocolRecords() {
        assertThat(API.stream().filter(c -> c.isAnnotatedWith(RestController.class))).isNotEmpty();
        onlyProtocolRecordsCrossTheBoundary().check(API);
    }

    @Test
    void theRuleCatchesAMapOnTheWire() {
        JavaClasses offender = new ClassFileImporter().importClasses(AnswersWithAMap.class);

        assertThatThrownBy(() -> onlyProtocolRecordsCrossTheBoundary().check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AnswersWithAMap.class.getName() + ".settings()")
                .hasMessageContaining("java.util.Map");
    }

    private static ArchCondition<JavaMethod> takeAndReturnOnlyProtocolRecords() {
        return new ArchCondition<>("take and return only records of dev.hpo.protocol") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> crossing = new ArrayList<>();
                unwrap(method.getReturnType(), crossing);
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(RequestBody.class)) {
                        unwrap(parameter.getType(), crossing);
                    }
                }
                for (JavaClass type : crossing) {
                    boolean allowed = type.isRecord() && type.getPackageName().equals("dev.hpo.protocol")
                            || type.isEquivalentTo(String.class) && TEXT_ENDPOINTS.contains(method.getFullName())
                            || type.isEquivalentTo(Resource.class) && FILE_ENDPOINTS.contains(method.getFullName());
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " sends or takes "
                                + type.getName() + ", not a record of dev.hpo.protocol"));
                    }
                }
            }
        };
    }

    /** The types inside the wrappers that only frame a body: ResponseEntity, List and the protocol's Page. */
    private static void unwrap(JavaType type, List<JavaClass> into) {
        JavaClass raw = type.toErasure();
        if (type instanceof JavaParameterizedType generic && (raw.isEquivalentTo(ResponseEntity.class)
                || raw.isEquivalentTo(List.class) || raw.isEquivalentTo(Page.class))) {
            generic.getActualTypeArguments().forEach(argument -> unwrap(argument, into));
        } else {
            into.add(raw);
        }
    }

    /** A stand-in offender: an endpoint that answers with a map, whose shape no client can share. */
    @RestController
    static final class AnswersWithAMap {
        @GetMapping("/api/settings")
        Map<String, Object> settings() {
            return Map.of();
        }
    }
}
