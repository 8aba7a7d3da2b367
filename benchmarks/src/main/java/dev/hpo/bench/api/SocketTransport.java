package dev.hpo.bench.api;

import dev.hpo.protocol.client.Transport;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark client's connection to the service, as the protocol client's transport: HTTP/1.1 requests, one at a
 * time, on a single kept-alive connection. Not safe for concurrent use; each client thread has its own.
 *
 * <p>It speaks the little of HTTP/1.1 the benchmark needs (a request with a length; an answer with a length, in
 * chunks or up to the connection's end) over a plain socket, because the clients share the machine's cores and heap
 * with the service they measure, and whatever they spend is taken from it: the JDK's {@code HttpURLConnection}
 * costs a request several times the CPU and heap, and its garbage fills the young generation the service's
 * requests pause for. The benchmark reports the clients' own CPU and allocation per request
 * ({@code clientCpuMsEach}, {@code clientAllocatedKbEach}).
 */
final class SocketTransport implements Transport, Closeable {

    private final URI base;
    private final InetSocketAddress address;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** The request being written, then the answer's body: both reused from one request to the next. */
    private final Bytes request = new Bytes();
    private final Bytes body = new Bytes();
    private final StringBuilder line = new StringBuilder();

    /** @param base the service's address, such as {@code http://127.0.0.1:8080} */
    SocketTransport(String base) {
        this(URI.create(base.replaceAll("/+$", "") + "/"));
    }

    private SocketTransport(URI base) {
        this.base = base;
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.hostHeader = base.getHost() + ":" + base.getPort();
    }

    /** A connection of its own for another thread, to the same service. */
    SocketTransport another() {
        return new SocketTransport(base);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public Response send(Request request) throws IOException {
        return exchange(request);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private Response exchange(Request sent) throws IOException {
        connectIfClosed();
        request.clear();
        request.ascii(sent.method()).ascii(" /").ascii(sent.path()).ascii(" HTTP/1.1\r\nHost: ").ascii(hostHeader)
                .ascii("\r\n");
        for (Map.Entry<String, String> header : sent.headers().entrySet()) {
            request.ascii(header.getKey()).ascii(": ").ascii(header.getValue()).ascii("\r\n");
        }
        byte[] content = sent.body();
        if (content != null) {
            request.ascii("Content-Length: ").ascii(Integer.toString(content.length)).ascii("\r\n\r\n")
                    .add(content, content.length);
        } else {
            request.ascii("\r\n");
        }
        try {
            // One write: the request leaves in one segment, and the service reads it in one go.
            out.write(request.bytes, 0, request.length);
            out.flush();
            return answer(sent);
        } catch (IOException e) {
            // Whatever is left of the answer would be read as the next one's.
            close();
            throw e;
        }
    }

    /**
     * Reads the answer to {@code sent}, which only errors name. Of its headers it keeps the content type, the one the
     * protocol client reads; the body is copied out of the buffer reused from one answer to the next.
     */
    private Response answer(Request sent) throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException(sent.method() + " " + sent.path() + ": not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String contentType = null;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon);
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        body.clear();
        if (chunked) {
            readChunks();
        } else if (length > 0) {
            readExactly(Math.toIntExact(length));
        } else if (length < 0 && code != 204 && code != 304) {
            // Neither a length nor chunks: the body runs to the end of the connection.
            readToEnd();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType)),
                Arrays.copyOf(body.bytes, body.length));
    }

    private void readChunks() throws IOException {
        for (int size = chunkSize(readLine()); size > 0; size = chunkSize(readLine())) {
            readExactly(size);
            readLine(); // the line end after the chunk
        }
        // Trailers, if any, up to the empty line that ends the answer.
        while (!readLine().isEmpty()) {
            // nothing the benchmark needs
        }
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void readExactly(int count) throws IOException {
        body.reserve(count);
        for (int done = 0; done < count; ) {
            int read = in.read(body.bytes, body.length, count - done);
            if (read < 0) {
                throw new EOFException("the service closed the connection in the middle of an answer");
            }
            body.length += read;
            done += read;
        }
    }

    private void readToEnd() throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            body.add((byte) b);
        }
    }

    /** A line of the status or headers, without its line end; they are ASCII. */
    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the service closed the connection in the middle of an answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void connectIfClosed() throws IOException {
        if (socket != null) {
            return;
        }
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address);
            in = new BufferedInputStream(opened.getInputStream(), 8192);
            out = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
    }

    /** A growable byte array. */
    private static final class Bytes {
        byte[] bytes = new byte[1024];
        int length;

        void clear() {
            length = 0;
        }

        void reserve(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        Bytes add(byte[] more, int count) {
            reserve(count);
            System.arraycopy(more, 0, bytes, length, count);
            length += count;
            return this;
        }

        void add(byte b) {
            reserve(1);
            bytes[length++] = b;
        }

        Bytes ascii(String text) {
            reserve(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }
    }
}
