# JVM options of the search API: sourced by ./hpo for the server and its benchmark, and by the container's
# entrypoint. The collector must be chosen where the JVM is launched, so it lives here and not in Java.

SEARCH_API_JAVA_OPTS=()

# The parallel collector, unless the caller's own options choose one (HotSpot refuses two). Requests leave little
# alive, so its young collections are as short as G1's while its larger young generation makes them rarer, and every
# request in flight waits for each one (docs/search-api.md, "Service settings").
if [[ "${HPO_JAVA_OPTS:-} ${JAVA_OPTS:-}" != *-XX:+Use*GC* ]]; then
  SEARCH_API_JAVA_OPTS+=(-XX:+UseParallelGC)
fi
