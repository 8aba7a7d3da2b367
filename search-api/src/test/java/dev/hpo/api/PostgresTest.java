package dev.hpo.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link ApiTest}, on the real PostgreSQL server named by {@code HPO_TEST_POSTGRES_URL},
 * {@code HPO_TEST_POSTGRES_USER} and {@code HPO_TEST_POSTGRES_PASSWORD} (scripts/test starts one), each test
 * context in a fresh schema. Skipped, with that reason shown, when the variables are absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = "HPO_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "HPO_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against "
                + "(scripts/test starts one; locally: source scripts/lib/test-postgres.sh; start_test_postgres)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hpo.api.reaper-interval=1h")
@ContextConfiguration(initializers = PostgresSchema.class)
public @interface PostgresTest {
}
