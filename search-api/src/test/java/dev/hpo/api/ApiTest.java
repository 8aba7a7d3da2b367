package dev.hpo.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random loopback port with an in-memory H2 database; tests talk to it over real HTTP.
 * The reaper's schedule is off so tests that need it run it themselves; metrics export, off in tests by default,
 * is on so the Prometheus endpoint can be tested in the same (cached) context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-test;DB_CLOSE_DELAY=-1",
        "hpo.api.reaper-interval=1h",
        "hpo.api.artifact-dir=${java.io.tmpdir}/hpo-api-test-artifacts-${random.uuid}"})
public @interface ApiTest {
}
