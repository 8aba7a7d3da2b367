package dev.hpo.api.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code hpo server}, turned into Spring properties. Unset options fall back to
 * {@code application.properties} and the environment ({@code HPO_API_TOKEN}).
 */
public record ServerOptions(Optional<Integer> port, Optional<Path> dataDir, Optional<String> bind,
                            Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword,
                            Optional<String> token, boolean help, Optional<Path> artifactDir) {

    public static final String USAGE = """
            usage: hpo server [--port 8080] [--bind 127.0.0.1] [--data-dir DIR] [--artifact-dir DIR]
                              [--db-url jdbc:postgresql://HOST/DB --db-user USER --db-password PASSWORD]
                              [--token TOKEN]

              --port         HTTP port (default 8080; 0 picks a free one)
              --bind         address to listen on (default 127.0.0.1); any other needs a token
              --data-dir     directory of the embedded H2 database (default ~/.hpo/data)
              --artifact-dir where trials' files (trained networks) are kept (default DATA-DIR/artifacts)
              --db-url       a JDBC URL instead of the embedded database, e.g. PostgreSQL
              --token        bearer token required on writes and the worker protocol (or HPO_API_TOKEN)""";

    public static ServerOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(known(name) ? name + " needs a value" : "unknown option " + name);
                }
                value = args[++i];
            }
            if (!known(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            values.put(name, value);
        }
        Optional<Integer> port = Optional.ofNullable(values.get("--port")).map(ServerOptions::port);
        return new ServerOptions(port, Optional.ofNullable(values.get("--data-dir")).map(Path::of),
                Optional.ofNullable(values.get("--bind")), Optional.ofNullable(values.get("--db-url")),
                Optional.ofNullable(values.get("--db-user")), Optional.ofNullable(values.get("--db-password")),
                Optional.ofNullable(values.get("--token")), help,
                Optional.ofNullable(values.get("--artifact-dir")).map(Path::of));
    }

    private static boolean known(String name) {
        return switch (name) {
            case "--port", "--data-dir", "--bind", "--db-url", "--db-user", "--db-password", "--token",
                 "--artifact-dir" -> true;
            default -> false;
        };
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be within 0..65535, got " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got '" + text + "'");
        }
    }

    /**
     * False when the service would be reachable from other machines without a token; {@link LoopbackGuard}
     * enforces the same rule inside the service, this check only gives the command line a clear message.
     */
    public boolean safeToBind(String tokenFromEnvironment) {
        boolean token = this.token.filter(t -> !t.isBlank()).isPresent()
                || tokenFromEnvironment != null && !tokenFromEnvironment.isBlank();
        return token || bind.map(LoopbackGuard::isLoopback).orElse(true);
    }

    /** Spring properties for the options given. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        port.ifPresent(p -> properties.put("server.port", p));
        bind.ifPresent(b -> properties.put("server.address", b));
        dataDir.ifPresent(d -> properties.put("hpo.data-dir", d.toAbsolutePath().toString()));
        dbUrl.ifPresent(u -> properties.put("spring.datasource.url", u));
        dbUser.ifPresent(u -> properties.put("spring.datasource.username", u));
        dbPassword.ifPresent(p -> properties.put("spring.datasource.password", p));
        token.ifPresent(t -> properties.put("hpo.api.token", t));
        artifactDir.ifPresent(d -> properties.put("hpo.api.artifact-dir", d.toAbsolutePath().toString()));
        return properties;
    }
}
