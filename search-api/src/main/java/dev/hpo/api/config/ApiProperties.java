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
 */
@ConfigurationProperties("hpo.api")
public record ApiProperties(@DefaultValue List<String> token, @DefaultValue("1MB") DataSize maxBody) {

    public ApiProperties {
        token = token.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public boolean tokensConfigured() {
        return !token.isEmpty();
    }
}
