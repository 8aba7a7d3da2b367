#!/usr/bin/env bash
# Starts the API or a worker inside a container. Settings come from the environment so that compose files and
# Kubernetes manifests stay declarative; secrets are read from files (Docker or Kubernetes secrets) so they never
# appear in an image, a compose file or `docker inspect`.
#
#   server: HPO_PORT (8080), HPO_BIND (0.0.0.0), HPO_DB_URL, HPO_DB_USER, HPO_DB_PASSWORD_FILE, HPO_TOKEN_FILE,
#           HPO_DATA_DIR (embedded database, when HPO_DB_URL is not set), HPO_ARTIFACT_DIR (trials' files;
#           beside the embedded database when not set)
#   worker: HPO_API_URL, HPO_DEVICE (cpu), HPO_ENGINE (dl4j or pytorch; dl4j), HPO_SLOTS (trials at once; 1),
#           HPO_WORKER_ID (the container's host name), HPO_TOKEN_FILE
# Extra arguments are passed on to the command.
set -euo pipefail

# Prints the content of a secret file without its trailing newline.
secret() {
  [[ -r "$1" ]] || { echo "hpo-entrypoint: cannot read secret file $1" >&2; exit 1; }
  tr -d '\n' < "$1"
}

role="${1:?usage: hpo-entrypoint server|worker [args...]}"
shift
token=""
if [[ -n "${HPO_TOKEN_FILE:-}" ]]; then
  token="$(secret "$HPO_TOKEN_FILE")"
fi

case "$role" in
  server)
    # A container is reached through its network interface, so the API listens on all of them, which it
    # refuses to do without a token.
    [[ -n "$token" ]] || { echo "hpo-entrypoint: the API listens beyond loopback; set HPO_TOKEN_FILE" >&2; exit 1; }
    # Read from the environment, the token stays off the process list.
    export HPO_API_TOKEN="$token"
    args=(--port "${HPO_PORT:-8080}" --bind "${HPO_BIND:-0.0.0.0}")
    if [[ -n "${HPO_DB_URL:-}" ]]; then
      args+=(--db-url "$HPO_DB_URL" --db-user "${HPO_DB_USER:-hpo}")
      if [[ -n "${HPO_DB_PASSWORD_FILE:-}" ]]; then
        # Spring reads it from the environment, which keeps it off the process list like the token.
        SPRING_DATASOURCE_PASSWORD="$(secret "$HPO_DB_PASSWORD_FILE")"
        export SPRING_DATASOURCE_PASSWORD
      fi
    else
      args+=(--data-dir "${HPO_DATA_DIR:-/var/lib/hpo/data}")
    fi
    if [[ -n "${HPO_ARTIFACT_DIR:-}" ]]; then
      args+=(--artifact-dir "$HPO_ARTIFACT_DIR")
    fi
    # The collector ./hpo chooses for the service too, unless JAVA_OPTS names one.
    source /opt/hpo/search-api-jvm-env.sh
    exec java ${JAVA_OPTS:-} "${SEARCH_API_JAVA_OPTS[@]}" -cp '/opt/hpo/lib/*' dev.hpo.api.SearchApiApplication \
      "${args[@]}" "$@"
    ;;
  worker)
    [[ -n "${HPO_API_URL:-}" ]] || { echo "hpo-entrypoint: set HPO_API_URL to the API's address" >&2; exit 1; }
    # The allocator and JVM options every training JVM needs, exactly as ./hpo sets them; the worker passes
    # its own JVM options and environment on to the trial processes it starts.
    source /opt/hpo/jvm-env.sh
    [[ -z "$token" ]] || export HPO_API_TOKEN="$token"
    exec java ${JAVA_OPTS:-} "${TRIAL_RUNNER_JAVA_OPTS[@]}" \
      -Dorg.bytedeco.javacpp.cachedir=/var/cache/hpo/javacpp \
      -cp '/opt/hpo/lib/*' dev.hpo.runner.RunnerCommand worker \
      --api "$HPO_API_URL" --device "${HPO_DEVICE:-cpu}" --engine "${HPO_ENGINE:-dl4j}" --slots "${HPO_SLOTS:-1}" \
      --worker-id "${HPO_WORKER_ID:-$(hostname)}" "$@"
    ;;
  *)
    echo "hpo-entrypoint: unknown role '$role' (server or worker)" >&2
    exit 2
    ;;
esac
