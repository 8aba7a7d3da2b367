package dev.hpo.protocol.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.hpo.protocol.Best;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Confirm;
import dev.hpo.protocol.ConfirmationReport;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.StopDecision;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.TrialView;
import dev.hpo.trial.TrialState;
import dev.hpo.protocol.ArtifactView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one Java client of the search API, used by the worker, the CLI, the reliability tests and the benchmarks: a
 * typed method per endpoint, the bearer token on every request, and the caller's {@link Retry}. Every endpoint is
 * safe to repeat (a repeated suggestion returns the trial already held, a repeated completion is harmless), so the
 * retry applies to all. A request that does not succeed throws {@link ApiException}. Thread-safe when its
 * transport is, as {@link JdkHttpTransport} is.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.http(URI.create("http://127.0.0.1:8080"), Optional.empty(), Retry.never());
 * Suggestion trial = api.suggest(studyId, Suggest.of("worker-1", 1)).trials().get(0);
 * api.complete(trial.id(), Completion.of(Map.of("accuracy", 0.91), "worker-1"));
 * }</pre>
 */
public final class ApiClient {

    /** Trials per page when a caller wants them all: few requests, each answered quickly. */
    private static final int WHOLE_LIST_PAGE = 500;

    private final Exchanges exchanges;

    /**
     * @param token the bearer token sent with every request, when present and not blank
     */
    public ApiClient(Transport transport, Optional<String> token, Retry retry) {
        this.exchanges = new Exchanges(transport, token.filter(t -> !t.isBlank()), retry);
    }

    /**
     * The API's address as a person types it ({@code --api}, {@code HPO_API_URL}).
     *
     * @throws IllegalArgumentException when the text is not an http(s) URL with a host, saying so with an example
     */
    public static URI address(String text) {
        URI base;
        try {
            base = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address, e.g. http://127.0.0.1:8080", e);
        }
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) address, e.g. http://127.0.0.1:8080");
        }
        return base;
    }

    /** A client over the JDK's HTTP client with its default timeouts. */
    public static ApiClient http(URI base, Optional<String> token, Retry retry) {
        return new ApiClient(new JdkHttpTransport(base), token, retry);
    }

    /** A client on the same connections and token that retries as {@code other} says. */
    public ApiClient withRetry(Retry other) {
        return new ApiClient(exchanges.transport(), exchanges.token(), other);
    }

    /** The API's address. */
    public URI base() {
        return exchanges.transport().base();
    }

    /** Asks a study for trials to run; a worker that asks again gets back what it holds. */
    public Suggestions suggest(long studyId, Suggest request) {
        return exchanges.post("api/studies/" + studyId + "/suggestions", json(request), type(Suggestions.class));
    }

    /** Reports a point of a trial's learning curve; the answer says whether the trial should stop. */
    public StopDecision measure(long trialId, MeasurementReport report) {
        return exchanges.post("api/trials/" + trialId + "/measurements", json(report), type(StopDecision.class));
    }

    /** Tells the API the trial is still being worked on; the answer says whether it should stop. */
    public StopDecision heartbeat(long trialId, Heartbeat heartbeat) {
        return exchanges.post("api/trials/" + trialId + "/heartbeat", json(heartbeat), type(StopDecision.class));
    }

    /** Ends a trial with its final metrics, or as failed. */
    public TrialView complete(long trialId, Completion completion) {
        return exchanges.post("api/trials/" + trialId + "/complete", json(completion), type(TrialView.class));
    }

    /** Hands a running trial back to its study, so another worker can run it. */
    public TrialView release(long trialId, Release release) {
        return exchanges.post("api/trials/" + trialId + "/release", json(release), type(TrialView.class));
    }

    /**
     * Uploads a file of a running trial this worker holds, streamed from disk, with its SHA-256: the API recomputes
     * it and refuses a mismatch, keeping nothing.
     *
     * @param name the file's name as the trial's artifacts list it, without folders
     * @param sha256 the SHA-256 of the file's bytes, 64 lowercase hex digits
     */
    public ArtifactView uploadArtifact(long trialId, String workerId, String name, Path file, String sha256) {
        return exchanges.postFile("api/trials/" + trialId + "/artifacts/" + segment(name) + "?workerId="
                + URLEncoder.encode(workerId, StandardCharsets.UTF_8), file,
                Map.of(ArtifactView.CHECKSUM_HEADER, sha256), type(ArtifactView.class));
    }

    /** The files kept of a trial, by name. */
    public List<ArtifactView> artifacts(long studyId, long trialId) {
        return exchanges.get(artifactsPath(studyId, trialId), ProtocolJson.listOf(ArtifactView.class));
    }

    /**
     * Downloads a file kept of a trial into {@code target}, streamed, and checks it against the SHA-256 the API
     * sends with it.
     *
     * @return the file's SHA-256
     * @throws ApiException when the API refuses, or the bytes that arrived do not match the checksum (the target
     *     is deleted then)
     */
    public String downloadArtifact(long studyId, long trialId, String name, Path target) {
        String path = artifactsPath(studyId, trialId) + "/" + segment(name);
        Transport.Response answer = exchanges.download(path, target);
        String expected = answer.header(ArtifactView.CHECKSUM_HEADER).orElse("");
        String actual = Checksums.sha256(target);
        if (!actual.equals(expected)) {
            Checksums.deleteQuietly(target);
            throw ApiException.unanswered(ApiException.Failure.UNREADABLE, base(), "GET " + path,
                    "the file " + name + " arrived with SHA-256 " + actual + ", but the API at " + base()
                            + " announced " + (expected.isEmpty() ? "none" : expected) + "; nothing was kept",
                    null);
        }
        return actual;
    }

    private static String artifactsPath(long studyId, long trialId) {
        return "api/studies/" + studyId + "/trials/" + trialId + "/artifacts";
    }

    /** A file name as one path segment: percent-encoded, so that no character of it can change the path. */
    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Creates a study from a spec in the JSON format of docs/study-spec.md. */
    public StudyView createStudy(String specJson) {
        return exchanges.post("api/studies", specJson.getBytes(StandardCharsets.UTF_8), type(StudyView.class));
    }

    /**
     * A finished study as a {@link dev.hpo.protocol.StudyArchive} document, as the API wrote it: kept verbatim, a
     * document from a newer API loses nothing this client does not know.
     */
    public String exportStudy(long studyId) {
        return exchanges.verbatim("api/studies/" + studyId + "/export");
    }

    /**
     * Loads a {@link dev.hpo.protocol.StudyArchive} document, sent as written so the API judges every field of it:
     * a finished, read-only study with new ids.
     */
    public StudyView importStudy(String archiveJson) {
        return exchanges.post("api/studies/import", archiveJson.getBytes(StandardCharsets.UTF_8),
                type(StudyView.class));
    }

    /** Every study, oldest first, without their specs. */
    public List<StudyView> studies() {
        return exchanges.get("api/studies", ProtocolJson.listOf(StudyView.class));
    }

    /** One study, with its spec. */
    public StudyView study(long studyId) {
        return exchanges.get("api/studies/" + studyId, type(StudyView.class));
    }

    /** Stops a study: no new trials; running ones are told to stop at their next report. */
    public StudyView stopStudy(long studyId) {
        return exchanges.post("api/studies/" + studyId + "/stop", null, type(StudyView.class));
    }

    public Best best(long studyId) {
        return exchanges.get("api/studies/" + studyId + "/best", type(Best.class));
    }

    public Pareto pareto(long studyId) {
        return exchanges.get("api/studies/" + studyId + "/pareto", type(Pareto.class));
    }

    /**
     * One page of a study's trials by number, without measurements.
     *
     * @param state only trials in this state, or null for all
     */
    public Page<TrialView> trials(long studyId, TrialState state, int page, int size) {
        return exchanges.get("api/studies/" + studyId + "/trials?page=" + page + "&size=" + size
                + (state == null ? "" : "&state=" + state.name()), ProtocolJson.pageOf(TrialView.class));
    }

    /**
     * Every trial of a study by number, without measurements, read page by page.
     *
     * @param state only trials in this state, or null for all
     */
    public List<TrialView> allTrials(long studyId, TrialState state) {
        List<TrialView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<TrialView> answer = trials(studyId, state, page, WHOLE_LIST_PAGE);
            all.addAll(answer.items());
            if (page + 1 >= answer.totalPages()) {
                return all;
            }
        }
    }

    /** A study's trials as CSV ({@link dev.hpo.protocol.TrialCsv}). */
    public String trialsCsv(long studyId) {
        return exchanges.text("api/studies/" + studyId + "/trials.csv");
    }

    /** Enqueues a configuration to run before sampled ones: one trial per repeat. */
    public List<TrialView> enqueue(long studyId, Enqueue request) {
        return exchanges.post("api/studies/" + studyId + "/trials", json(request), ProtocolJson.listOf(TrialView.class));
    }

    /** Asks a finished study for confirmation runs; answers with its report, the new runs counted in. */
    public ConfirmationReport confirm(long studyId, Confirm request) {
        return exchanges.post("api/studies/" + studyId + "/confirmations", json(request),
                type(ConfirmationReport.class));
    }

    /** A study's confirmed configurations with their means and 95% intervals. */
    public ConfirmationReport confirmations(long studyId) {
        return exchanges.get("api/studies/" + studyId + "/confirmations", type(ConfirmationReport.class));
    }

    /** One trial with its measurements. */
    public TrialView trial(long trialId) {
        return exchanges.get("api/trials/" + trialId, type(TrialView.class));
    }

    /** Whether the API answers its health check; never throws, never retries. */
    public boolean healthy() {
        try {
            return raw("GET", "actuator/health", null).status() == 200;
        } catch (ApiException unreachable) {
            return false;
        }
    }

    /**
     * Sends a request as given, once, with the token, and returns the answer whatever its status: for tests that
     * send malformed bodies on purpose and judge the answer themselves.
     *
     * @param path relative to the API's address, e.g. {@code api/studies}
     * @param body sent as JSON text, verbatim; null for none
     * @throws ApiException when no answer came
     */
    public Transport.Response raw(String method, String path, String body) {
        return exchanges.once(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object record) {
        return ProtocolJson.write(record).getBytes(StandardCharsets.UTF_8);
    }

    private static JavaType type(Class<?> record) {
        return TypeFactory.defaultInstance().constructType(record);
    }
}
