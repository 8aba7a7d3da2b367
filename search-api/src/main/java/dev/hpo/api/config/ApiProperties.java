package dev.hpo.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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
 * @param maxArtifact largest file of a trial (a trained network) a worker may upload
 * @param artifactDir where trials' files are kept (the artifact store): by default beside the embedded database;
 *        a volume every service instance shares when several serve one PostgreSQL database ({@code
 *        application.properties} puts it in {@code hpo.data-dir})
 */
@ConfigurationProperties("hpo.api")
public record ApiProperties(@DefaultValue List<String> token, @DefaultValue("1MB") DataSize maxBody,
                            @DefaultValue("64MB") DataSize maxImport, @DefaultValue("1GB") DataSize maxArtifact,
                            Path artifactDir) {

    /** The path whose body {@link #maxImport} caps. */
    public static final String IMPORT_PATH = "/api/studies/import";

    /** The paths whose body {@link #maxArtifact} caps: a worker's upload of a trial's file. */
    public static final Pattern ARTIFACT_UPLOAD_PATH = Pattern.compile("/api/trials/[^/]+/artifacts/[^/]+");

    public ApiProperties {
        token = token.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public boolean tokensConfigured() {
        return !token.isEmpty();
    }
}
