package dev.hpo.protocol.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

/** {@link Transport} over the JDK's {@link HttpClient}: HTTP/1.1, connections kept alive and shared by threads. */
public final class JdkHttpTransport implements Transport {

    /** Long enough for a busy service to accept a connection; an API that is down refuses at once. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for the slowest request (a study's CSV export) on a loaded machine. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** How long moving one file (a trained network) may take: hundreds of megabytes over a slow link. */
    public static final Duration FILE_TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * @param base the API's address; a missing trailing slash is added, so paths resolve below it
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for a whole answer once connected
     */
    public JdkHttpTransport(URI base, Duration connectTimeout, Duration requestTimeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
    }

    /** With {@link #CONNECT_TIMEOUT} and {@link #REQUEST_TIMEOUT}. */
    public JdkHttpTransport(URI base) {
        this(base, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        return exchange(request, request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()), requestTimeout,
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public Response sendFile(Request request, Path body) throws IOException, InterruptedException {
        return exchange(request, HttpRequest.BodyPublishers.ofFile(body), FILE_TIMEOUT,
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public Response receiveFile(Request request, Path target) throws IOException, InterruptedException {
        // Only a success goes to the file: a problem detail is read as the answer it is.
        HttpResponse.BodyHandler<byte[]> toFileOnSuccess = info -> info.statusCode() >= 200 && info.statusCode() < 300
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target), written -> new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
        return exchange(request, HttpRequest.BodyPublishers.noBody(), FILE_TIMEOUT, toFileOnSuccess);
    }

    private Response exchange(Request request, HttpRequest.BodyPublisher body, Duration timeout,
                              HttpResponse.BodyHandler<byte[]> answer) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(timeout)
                .method(request.method(), body);
        request.headers().forEach(builder::header);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), answer);
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw (ConnectException) new ConnectException("connect timed out").initCause(e);
        } catch (HttpTimeoutException e) {
            throw (SocketTimeoutException) new SocketTimeoutException("no answer within "
                    + timeout.toSeconds() + " s").initCause(e);
        }
    }
}
