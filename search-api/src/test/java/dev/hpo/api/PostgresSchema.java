package dev.hpo.api;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the test PostgreSQL server, in a schema of its own that Flyway creates. */
public final class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv("HPO_TEST_POSTGRES_URL");
        TestPropertyValues.of(
                "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username=" + env("HPO_TEST_POSTGRES_USER"),
                "spring.datasource.password=" + env("HPO_TEST_POSTGRES_PASSWORD"),
                "spring.flyway.schemas=" + schema
        ).applyTo(context);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
