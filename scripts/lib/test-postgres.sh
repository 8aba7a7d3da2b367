# A throwaway PostgreSQL cluster for the tests, on a loopback port, owned by the postgres user.
# Exports HPO_TEST_POSTGRES_URL, HPO_TEST_POSTGRES_USER and HPO_TEST_POSTGRES_PASSWORD for the test JVMs, and
# HPO_TEST_POSTGRES_DATA and HPO_TEST_POSTGRES_BIN (data directory and binaries) for tests that stop the server
# with pg_ctl and start it again to see the service ride out a database outage.
TEST_PG_PORT="${TEST_PG_PORT:-55432}"
TEST_PG_DIR=""

start_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed; PostgreSQL tests will be skipped" >&2
    return 0
  fi
  TEST_PG_DIR="$(mktemp -d /tmp/hpo-test-pg.XXXXXX)"
  local run_as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$TEST_PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$TEST_PG_DIR/data" -U hpo --auth=trust >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/log" -w \
    -o "-p $TEST_PG_PORT -k $TEST_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$TEST_PG_PORT" -U hpo hpo
  export HPO_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$TEST_PG_PORT/hpo"
  export HPO_TEST_POSTGRES_USER=hpo
  export HPO_TEST_POSTGRES_PASSWORD=hpo
  export HPO_TEST_POSTGRES_DATA="$TEST_PG_DIR/data"
  export HPO_TEST_POSTGRES_BIN="$bin"
  TEST_PG_BIN="$bin"
  TEST_PG_RUN_AS=("${run_as[@]}")
}

stop_test_postgres() {
  [[ -n "$TEST_PG_DIR" ]] || return 0
  "${TEST_PG_RUN_AS[@]}" "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TEST_PG_DIR"
}
