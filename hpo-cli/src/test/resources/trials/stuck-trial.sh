#!/bin/sh
# A trial that reports once and then hangs, as a deadlocked training script would.
cat > /dev/null
echo '{"step":1,"elapsedSeconds":0.1,"metrics":{"score":0.25}}'
sleep 300
