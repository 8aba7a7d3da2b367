#!/bin/sh
# A trial script as users write them: reads the trial as JSON on stdin, reports a measurement every half second
# for STEPS steps, then its final metrics. The score is the trial's x parameter, so results are checkable.
trial=$(cat)
x=$(printf '%s' "$trial" | sed -n 's/.*"x":\([0-9.eE+-]*\).*/\1/p')
steps=${STEPS:-12}
i=1
while [ "$i" -le "$steps" ]; do
  sleep 0.5
  echo "{\"step\":$i,\"elapsedSeconds\":$(awk "BEGIN{print $i*0.5}"),\"metrics\":{\"score\":$x}}"
  i=$((i + 1))
done
echo "training done"
echo "{\"metrics\":{\"score\":$x,\"accuracy\":0.5}}"
