# JVM options of the search API: sourced by ./hpo for the server and its benchmark, and by the container's
# entrypoint. The collector must be chosen where the JVM is launched, so it lives here and not in Java.

SEARCH_API_JAVA_OPTS=()

# The parallel collector, unless the caller's own options choose one (HotSpot refuses two). Requests leave little
# alive, and with its larger young generation the service paused every 3 s instead of every second, each pause as
# short as G1's (15-25 ms): in three alternating runs of `hpo bench api`, p99 48.4-50.3 ms against G1's 59-70 ms
# (docs/search-api.md, "A warm service").
if [[ "${HPO_JAVA_OPTS:-} ${JAVA_OPTS:-}" != *-XX:+Use*GC* ]]; then
  SEARCH_API_JAVA_OPTS+=(-XX:+UseParallelGC)
fi
