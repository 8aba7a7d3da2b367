#!/bin/sh
# Copies a built module's jar and the runtime class path Maven wrote for it (target/classpath.txt, the same one
# ./hpo launches with) into DEST/lib, so the runtime image needs neither Maven nor a local repository.
# usage: collect-runtime.sh MODULE DEST
set -eu
module="$1"
dest="$2"
jar="$module/target/$module.jar"
classpath="$module/target/classpath.txt"
[ -f "$jar" ] || { echo "collect-runtime: $jar was not built" >&2; exit 1; }
[ -f "$classpath" ] || { echo "collect-runtime: $classpath was not written" >&2; exit 1; }
mkdir -p "$dest/lib"
cp "$jar" "$dest/lib/"
tr ':' '\n' < "$classpath" | while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  [ -f "$entry" ] || { echo "collect-runtime: class path entry $entry is missing" >&2; exit 1; }
  # One flat directory: two libraries with the same file name would silently shadow each other.
  [ ! -e "$dest/lib/$(basename "$entry")" ] || { echo "collect-runtime: two entries named $(basename "$entry")" >&2; exit 1; }
  cp "$entry" "$dest/lib/"
done
count="$(ls "$dest/lib" | wc -l)"
echo "collect-runtime: $module and $((count - 1)) libraries in $dest/lib"
