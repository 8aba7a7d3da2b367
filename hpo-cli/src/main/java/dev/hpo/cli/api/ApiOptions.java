package dev.hpo.cli.api;

import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the API is and how to authenticate, for every command that talks to it. */
public final class ApiOptions {

    @Option(names = "--api", defaultValue = "${env:HPO_API_URL:-http://127.0.0.1:8080}",
            description = "the API's address (default: $HPO_API_URL or ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--token", defaultValue = "${env:HPO_API_TOKEN}",
            description = "bearer token for the API (default: $HPO_API_TOKEN)")
    String token;

    /**
     * The API's client for a command a person waits on: one attempt per request, so a refusal or an API that is
     * away is said at once.
     *
     * @throws CliException when the address is not an http(s) URL
     */
    public ApiClient connect() {
        URI base;
        try {
            base = ApiClient.address(api);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--api: " + e.getMessage());
        }
        return ApiClient.http(base, Optional.ofNullable(token), Retry.never());
    }
}
