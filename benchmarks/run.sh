#!/usr/bin/env bash
# Runs the optjit benchmark suite and writes its tables. See benchmarks/README.md.
#
#   benchmarks/run.sh quick   about 12 minutes on 2 cores: 16M weights only, 1 fork, short iterations
#   benchmarks/run.sh full    about 75 minutes: both sizes, 2 forks, 3 warm-up and 5 measured iterations
#   benchmarks/run.sh smoke   a few minutes: checks the pipeline end to end; its numbers mean nothing
#   benchmarks/run.sh examples  about 30 minutes: generated VECTOR for every element-wise example
#                             rule at 16M weights, 1 and all threads, timed alternately with the
#                             in-place limit in one fork (ExampleRatioBench), 15 iterations each
#
# Builds the library and the benchmarks jar first (Maven), then runs the JMH passes
# (bandwidth limit, update rules or interleaved example ratios, compile latency) and
# report.py. Results go to
# benchmarks/target/results/<profile>-<UTC time>/: the JMH JSON files, the JMH logs,
# env.txt (JDK, CPU, cores) and results.md (environment + tables, for RESULTS.md).
# JAVA_HOME picks the JDK that runs the benchmarks (default: java on the PATH).
# MVN_FLAGS adds options to both Maven builds (e.g. MVN_FLAGS="-o -Dmaven.repo.local=DIR").
# EXAMPLES (examples profile only) measures just these rules, comma-separated (default: all).
set -euo pipefail
profile=${1:-quick}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

case "$profile" in
  quick)
    bandwidth_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
    rule_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s -p size=16777216)
    rules=(sgd momentum nesterov rmsprop adam rprop adaptive_gains)
    # the seven rules with baselines (the class's default), on AUTO's backend
    compile_opts=(-f 1 -wi 5 -w 2s -i 3 -r 1s -p backend=VECTOR)
    ;;
  examples)
    # every element-wise example on VECTOR, interleaved with the in-place limit (issue 3's
    # bandwidth target, made robust in issue 8); the list is computed after the build
    bandwidth_opts=(-f 1 -wi 1 -w 1s -i 3 -r 1s -p size=16777216)
    ratio_opts=(-f 1 -wi 1 -w 1s -i 15 -r 1s -p threads=1,all)
    rules=()
    examples=$(cd "$root/examples" && ls *.opt | grep -v "^clip_global_norm" | sed 's/\.opt$//' | paste -sd, -)
    compile_opts=(-f 1 -wi 5 -w 2s -i 3 -r 1s -p backend=VECTOR -p "rule=$examples")
    ;;
  smoke)
    bandwidth_opts=(-f 1 -wi 0 -i 1 -r 200ms -p size=65536)
    rule_opts=(-f 1 -wi 0 -i 1 -r 200ms -p size=65536 -p threads=1)
    rules=(sgd rprop)
    compile_opts=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p rule=sgd,adam)
    ;;
  full)
    # the iterations and forks written on the benchmark classes; every example rule
    bandwidth_opts=()
    rule_opts=()
    rules=(sgd momentum nesterov rmsprop adam rprop adaptive_gains)
    examples=$(cd "$root/examples" && ls *.opt | grep -v "^clip_global_norm" | sed 's/\.opt$//' | paste -sd, -)
    compile_opts=(-p "rule=$examples")
    ;;
  *)
    echo "usage: $0 quick|full|examples|smoke" >&2
    exit 2
    ;;
esac

echo "== building (mvn install of the library, then the benchmarks jar)"
read -r -a mvn_flags <<< "${MVN_FLAGS:-}"
(cd "$root" && mvn -q "${mvn_flags[@]}" install -DskipTests)
mvn -q "${mvn_flags[@]}" -f "$here/pom.xml" package
jar="$here/target/benchmarks.jar"

out="$here/target/results/$profile-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "profile: $profile"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "cores (available processors): $(nproc)"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -E 'avx2|avx512f' | tr '\n' ' ')"
  echo "java -version:"
  "$java" -version 2>&1 | sed 's/^/  /'
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/env.txt"
cat "$out/env.txt"

# bytes per weight of every example rule, as the compiler counts them
traffic_rules=$(cd "$root/examples" && ls *.opt | sed 's/\.opt$//')
"$java" -cp "$jar" org.optjit.bench.Traffic $traffic_rules > "$out/traffic.tsv"

# One JMH pass: name, benchmark regexp, options...; the full log goes to $out/name.log.
jmh() {
  local name=$1 pattern=$2
  shift 2
  echo "== $name ($pattern)"
  "$java" -jar "$jar" "$pattern" "$@" -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1 \
    || { echo "JMH failed; see $out/$name.log" >&2; exit 1; }
  grep -E '^(Benchmark|[A-Z][A-Za-z]*Bench\.)' "$out/$name.log" || true
}

jmh bandwidth 'BandwidthBench' "${bandwidth_opts[@]}"
if [ "$profile" = examples ]; then
  # the examples that ExampleRatioBench accepts: element-wise, assigning w
  measured=$("$java" -cp "$jar" org.optjit.bench.ElementWiseRules $(cd "$root/examples" && ls *.opt | sed 's/\.opt$//') | paste -sd, -)
  jmh ratios 'ExampleRatioBench' "${ratio_opts[@]}" -p "rule=${EXAMPLES:-$measured}"
fi
# One pass per rule, so that its in-place limit (impl IN_PLACE) is measured minutes, not
# an hour, from the rule itself: this host's bandwidth drifts (see RESULTS.md).
for rule in "${rules[@]}"; do
  jmh "rules-$rule" 'RuleBench' "${rule_opts[@]}" -p "rule=$rule"
done
jmh compile 'CompileBench.compile' "${compile_opts[@]}"

{
  echo "## $profile profile, $(date -u '+%Y-%m-%d') "
  echo
  echo '```'
  cat "$out/env.txt"
  echo '```'
  echo
  python3 "$here/report.py" --traffic "$out/traffic.tsv" "$out"/*.json
} > "$out/results.md"
echo "== tables written to $out/results.md (paste into benchmarks/RESULTS.md)"
