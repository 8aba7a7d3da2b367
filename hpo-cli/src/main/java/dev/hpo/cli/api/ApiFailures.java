package dev.hpo.cli.api;

import dev.hpo.protocol.Problem;
import dev.hpo.protocol.client.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request the API did not serve, in the user's terms: what to do about it, the API's own words (its problem
 * detail, field by field), and the exit code: 3 when the API could not serve, 1 when it refused.
 */
public final class ApiFailures {

    private ApiFailures() {
    }

    public static CliException of(ApiException e) {
        String api = e.api().toString();
        return switch (e.failure()) {
            case UNREACHABLE -> new CliException(CliException.UNREACHABLE, "cannot reach the API at " + api
                    + ": is it running? Start one with './hpo server' or './hpo up', or point --api / HPO_API_URL"
                    + " at it.");
            case TIMED_OUT -> new CliException(CliException.UNREACHABLE, "the API at " + api
                    + " did not answer in time");
            case CONNECTION_LOST, INTERRUPTED -> new CliException(CliException.UNREACHABLE, e.getMessage());
            case UNREADABLE -> new CliException(CliException.UNREACHABLE, "the API at " + api + " answered with"
                    + " something that is not JSON; is --api pointing at an hpo server?");
            case REFUSED, UNAVAILABLE -> answered(e, api);
        };
    }

    private static CliException answered(ApiException e, String api) {
        int status = e.status().orElseThrow();
        String headline = e.problem().flatMap(Problem::headline).orElse("");
        List<String> lines = new ArrayList<>();
        switch (status) {
            case 401, 403 -> lines.add("the API at " + api + " refused the token (HTTP " + status + "): pass the"
                    + " right one with --token or HPO_API_TOKEN");
            case 404 -> lines.add(headline.isBlank() ? "not found: " + e.request() : headline);
            default -> lines.add((headline.isBlank() ? "the API refused the request" : headline) + " (HTTP "
                    + status + ")");
        }
        e.problem().ifPresent(problem -> problem.fieldMessages().forEach(field -> lines.add("  " + field)));
        return new CliException(status >= 500 ? CliException.UNREACHABLE : CliException.REFUSED,
                String.join(System.lineSeparator(), lines));
    }
}
