# Environment and JVM options for every JVM that trains: sourced by ./hpo, and by the worker for its trial
# processes. The allocator must be chosen where the JVM is launched, so it lives here and not in Java.

# glibc's malloc returns oneDNN's large scratch buffers to the OS on every call, and every step faults them back
# in; a caching allocator keeps them (docs/performance.md, "Settings the trainer uses").
for tcmalloc in /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 /usr/lib/x86_64-linux-gnu/libtcmalloc.so.4; do
  if [[ -f "$tcmalloc" ]]; then
    export LD_PRELOAD="$tcmalloc${LD_PRELOAD:+:$LD_PRELOAD}"
    export TCMALLOC_RELEASE_RATE=0
    break
  fi
done

TRIAL_RUNNER_JAVA_OPTS=(
  # DL4J's oneDNN layer helpers are off unless asked for.
  -Dorg.eclipse.deeplearning4j.helpers.disable=false
)
