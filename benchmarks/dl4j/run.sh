#!/usr/bin/env bash
# optjit against Deeplearning4j 1.0.0-M2.1 (nd4j-native, its bundled OpenBLAS) in one run on
# one machine: issue 9's targets, per training example.
#
#   benchmarks/dl4j/run.sh [--data DIR] [--lenet-batches N] [--no-build] [--smoke]
#
# 1. builds optjit (target/optjit.jar) and this comparison project (fetches Deeplearning4j's
#    jars, linux-x86_64 natives only, about 150 MB, on the first build);
# 2. sgemm 1024^3 on one and two threads, for Deeplearning4j's OpenBLAS and for optjit's;
# 3. Deeplearning4j: the MLP 784-256-10 (batch 128, Adam) one pass over the 60,000 training
#    images untimed, then two timed; LeNet-5 (batch 64, Adam) 20 mini-batches untimed, then
#    --lenet-batches (default 200) timed; each with OMP_NUM_THREADS=1 and =2 (which set both
#    its OpenMP and its OpenBLAS threads), the faster counts;
# 4. optjit: `bin/optjit train` with the same networks, batches and examples/adam.opt on its
#    50,000 training images, 3 epochs of the MLP and 2 of LeNet-5; the epochs after the first
#    are timed (the trainer's own training time per epoch, evaluation excluded); peak memory
#    of the whole JVM from /usr/bin/time;
# 5. report.py prints the Markdown table (also written to results.md).
#
# --smoke checks the pipeline in about two minutes (a few mini-batches, 2,560 optjit training
# images); its numbers mean nothing. Everything goes to
# benchmarks/dl4j/target/results/<UTC time>/. Run it on a quiet machine: the runs are
# sequential, and the load average is recorded beside each one.
# JAVA_HOME picks the JDK for both; MAVEN_OPTS passes options to Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
data=/usr/share/datasets/fashion-mnist
lenet_batches=200
build=1
smoke=0
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=${2:?--data needs a directory}; shift 2 ;;
    --lenet-batches) lenet_batches=${2:?--lenet-batches needs a count}; shift 2 ;;
    --no-build) build=0; shift ;;
    --smoke) smoke=1; shift ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$data" ]; then
  echo "run.sh: $data is not a directory: install Debian's dataset-fashion-mnist or give --data DIR" >&2
  exit 2
fi

if [ "$build" = 1 ]; then
  echo "== building optjit and the comparison (Maven)"
  (cd "$root" && mvn -q package -DskipTests)
  mvn -q -f "$here/pom.xml" package
fi
if [ "$smoke" = 1 ]; then
  dl4j_mlp=(--warmup 20 --batches 40); dl4j_lenet=(--warmup 2 --batches 8); optjit_train_limit=2560
else
  dl4j_mlp=(); dl4j_lenet=(--batches "$lenet_batches"); optjit_train_limit=0
fi
optjit_jar="$root/target/optjit.jar"
for f in "$optjit_jar" "$here/target/classes/org/optjit/dl4j/Dl4jBench.class"; do
  [ -e "$f" ] || { echo "run.sh: $f missing: run without --no-build" >&2; exit 2; }
done
dl4j_cp="$here/target/classes:$(ls "$here"/target/lib/*.jar | paste -sd: -)"
# SgemmRate against optjit's OpenBLAS: the same class with optjit's jar instead of Deeplearning4j's
optjit_cp="$here/target/classes:$optjit_jar"

out="$here/target/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "jdk=$("$java" -version 2>&1 | head -1)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc)"
  echo "avx512=$(grep -qw avx512f /proc/cpuinfo && echo yes || echo no)"
  echo "memory_gb=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "optjit_commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "lenet_batches=$lenet_batches"
  echo "smoke=$smoke"
} > "$out/env.txt"
cat "$out/env.txt"

# runs "$@" with its load average recorded before it: run NAME COMMAND...
run() {
  local name=$1; shift
  echo "== $name (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/$name.load"
  "$@" > "$out/$name.out" 2> "$out/$name.err" || { echo "run.sh: $name failed, see $out/$name.err" >&2; exit 1; }
}

for t in 1 2; do
  run "sgemm-dl4j-$t" "$java" -cp "$dl4j_cp" org.optjit.dl4j.SgemmRate 1024 "$t" 10
  run "sgemm-optjit-$t" "$java" -cp "$optjit_cp" org.optjit.dl4j.SgemmRate 1024 "$t" 10
done

# bin/optjit train under /usr/bin/time (peak memory), when the machine has it
timed() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -v -o "$out/$1.time" "${@:2}"; else "${@:2}"; fi
}
optjit_train() {
  local name=$1; shift
  run "$name" timed "$name" "$root/bin/optjit" train --rule "$root/examples/adam.opt" --data "$data" \
      --out "$out/$name" --limit "$optjit_train_limit,2000,2000" "$@"
}

for t in 1 2; do
  run "dl4j-mlp-$t" env OMP_NUM_THREADS=$t "$java" -cp "$dl4j_cp" org.optjit.dl4j.Dl4jBench --model mlp --data "$data" \
      ${dl4j_mlp[@]+"${dl4j_mlp[@]}"}
done
optjit_train optjit-mlp --model mlp --batch 128 --epochs 3
for t in 1 2; do
  run "dl4j-lenet5-$t" env OMP_NUM_THREADS=$t "$java" -cp "$dl4j_cp" org.optjit.dl4j.Dl4jBench --model lenet5 \
      --data "$data" "${dl4j_lenet[@]}"
done
optjit_train optjit-lenet5 --model lenet5 --batch 64 --epochs 2

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/env.txt"
python3 "$here/report.py" "$out" | tee "$out/results.md"
