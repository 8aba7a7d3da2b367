package dev.hpo.api.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code hpo.api}.
 *
 * @param token bearer tokens accepted on writes and the worker protocol, comma-separated (also from the
 *        environment variable {@code HPO_API_TOKEN}); none means writes are open, allowed only on loopback
 * @param maxBody largest request body accepted; larger ones are answered with 413
 * @param maxImport largest study archive {@code POST /api/studies/import} accepts: a whole study with every
 *        measurement, which outgrows any other request
 */
@ConfigurationProperties("hpo.api")
public record ApiProperties(@DefaultValue List<String> token, @DefaultValue("1MB") DataSize maxBody,
                            @DefaultValue("64MB") DataSize maxImport) {

    /** The path whose body {@link #maxImport} caps. */
    public static final String IMPORT_PATH = "/api/studies/import";

    public ApiProperties {
        token = token.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public boolean tokensConfigured() {
        return !token.isEmpty();
    }
}
