#!/bin/sh
# Starts the API or a worker inside a container. Settings come from the environment so that compose files and
# Kubernetes manifests stay declarative; secrets are read from files (Docker/Kubernetes secrets) so they never
# appear in an image, a compose file or `docker inspect`.
#
#   server: HPO_PORT (8080), HPO_BIND (0.0.0.0), HPO_DB_URL, HPO_DB_USER, HPO_DB_PASSWORD_FILE, HPO_TOKEN_FILE
#   worker: HPO_API_URL, HPO_DEVICE (cpu), HPO_WORKER_ID (the container's host name), HPO_TOKEN_FILE
# Extra arguments are passed on to the command.
set -eu

secret() {
  # $1: file named by a *_FILE variable; prints its content without the trailing newline.
  [ -r "$1" ] || { echo "hpo-entrypoint: cannot read secret file $1" >&2; exit 1; }
  tr -d '\n' < "$1"
}

role="${1:?usage: hpo-entrypoint server|worker [args...]}"
shift

if [ -n "${HPO_TOKEN_FILE:-}" ]; then
  HPO_TOKEN="$(secret "$HPO_TOKEN_FILE")"
fi

case "$role" in
  server)
    # A container is reached through its network interface, so the API listens on all of them; it refuses to
    # do that without a token.
    [ -n "${HPO_TOKEN:-}" ] || { echo "hpo-entrypoint: the API listens beyond loopback; set HPO_TOKEN_FILE" >&2; exit 1; }
    set -- --port "${HPO_PORT:-8080}" --bind "${HPO_BIND:-0.0.0.0}" --token "$HPO_TOKEN" "$@"
    if [ -n "${HPO_DB_URL:-}" ]; then
      set -- --db-url "$HPO_DB_URL" --db-user "${HPO_DB_USER:-hpo}" "$@"
      if [ -n "${HPO_DB_PASSWORD_FILE:-}" ]; then
        set -- --db-password "$(secret "$HPO_DB_PASSWORD_FILE")" "$@"
      fi
    else
      set -- --data-dir "${HPO_DATA_DIR:-/var/lib/hpo/data}" "$@"
    fi
    exec java ${JAVA_OPTS:-} -cp '/opt/hpo/lib/*' dev.hpo.api.SearchApiApplication "$@"
    ;;
  worker)
    [ -n "${HPO_API_URL:-}" ] || { echo "hpo-entrypoint: set HPO_API_URL to the API's address" >&2; exit 1; }
    set -- --api "$HPO_API_URL" --device "${HPO_DEVICE:-cpu}" --worker-id "${HPO_WORKER_ID:-$(hostname)}" "$@"
    if [ -n "${HPO_TOKEN:-}" ]; then
      set -- --token "$HPO_TOKEN" "$@"
    fi
    exec java ${JAVA_OPTS:-} -cp '/opt/hpo/lib/*' dev.hpo.runner.RunnerCommand worker "$@"
    ;;
  *)
    echo "hpo-entrypoint: unknown role '$role' (server or worker)" >&2
    exit 2
    ;;
esac
