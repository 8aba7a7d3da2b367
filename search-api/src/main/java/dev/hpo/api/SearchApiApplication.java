package dev.hpo.api;

import dev.hpo.api.config.ServerOptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** {@code hpo server}: the search API on an embedded H2 file database or a PostgreSQL URL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApiApplication {

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("hpo server: " + e.getMessage());
            System.err.println(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(ServerOptions.USAGE);
            return;
        }
        if (!options.safeToBind(System.getenv("HPO_API_TOKEN"))) {
            System.err.println("hpo server: refusing to listen on " + options.bind().orElseThrow()
                    + " without a token: pass --token or set HPO_API_TOKEN, or bind to 127.0.0.1.");
            System.exit(2);
            return;
        }
        // As command-line properties they take precedence over application.properties.
        String[] properties = options.properties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplication.run(SearchApiApplication.class, properties);
    }
}
