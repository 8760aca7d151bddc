#!/usr/bin/env bash
# Runs one seeded search on a real Spark standalone cluster on this machine and checks that
# it is the same search as in the embedded local mode (the same evaluated.jsonl, byte for
# byte): a master and one worker (child JVMs on 127.0.0.1, started from spark-core's
# org.apache.spark.deploy classes) whose executors have only Spark on their class path, as
# on a user's cluster, and are sent the search's jar and libraries by `optjit search`.
#
#   search/cluster-test.sh [BUDGET [SEED]]        (default: 48 evaluations, seed 7)
#
# Builds first (the core, then the search module's jar, target/lib/ and target/spark/).
# MAVEN_ARGS passes options to every mvn call (e.g. -o). About two minutes on 2 cores.
# Stops the worker, its executors and the master on exit, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
budget=${1:-48}
seed=${2:-7}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
(cd "$root" && mvn -q ${MAVEN_ARGS:-} install -DskipTests && mvn -q ${MAVEN_ARGS:-} -f search/pom.xml package -DskipTests)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/optjit-cluster.XXXXXX")
pids=()
stop() {
  # the worker first: its shutdown kills its executors; then the master
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
    kill "${pids[k]}" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "${pids[k]}" 2>/dev/null || break; sleep 0.2; done
    kill -9 "${pids[k]}" 2>/dev/null || true
  done
  echo "logs and results in $tmp"
}
trap stop EXIT

# The flags Spark's own launcher gives every JVM on JDK 17 (bin/optjit gives the same).
flags=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true -Xmx512m)
# A Spark installation as the worker sees it: SPARK_HOME/jars holds Spark and its libraries
# only; the worker starts its executors with that class path.
mkdir -p "$tmp/spark-home"
ln -s "$here/target/spark" "$tmp/spark-home/jars"
export SPARK_HOME="$tmp/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 OPENBLAS_NUM_THREADS=1

wait_for() { # file pattern seconds
  for _ in $(seq $(($3 * 5))); do
    if grep -q "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "cluster-test: '$2' not seen in $1 after $3 s" >&2
  tail -20 "$1" >&2
  exit 1
}

"$java" "${flags[@]}" -cp "$here/target/spark/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$tmp/master.log" 2>&1 &
pids+=($!)
wait_for "$tmp/master.log" "Starting Spark master at spark://" 60
url=$(grep -o 'spark://127.0.0.1:[0-9]*' "$tmp/master.log" | head -1)
echo "master at $url"

"$java" "${flags[@]}" -cp "$here/target/spark/*" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --port 0 --webui-port 0 --cores 2 --memory 1g --work-dir "$tmp/work" "$url" \
  >"$tmp/worker.log" 2>&1 &
pids+=($!)
wait_for "$tmp/worker.log" "Successfully registered with master" 60
echo "worker registered (2 cores)"

# The seeds given explicitly, and no examples for the held-out table: only the search runs.
mkdir -p "$tmp/no-examples"
search() { # master out
  "$root/bin/optjit" search "$root/examples/sgd.opt" "$root/examples/momentum.opt" "$root/examples/adam.opt" \
    --budget "$budget" --seed "$seed" --generation 16 --top 0 --examples "$tmp/no-examples" \
    --master "$1" --out "$2" >"$2.log" 2>&1 || { tail -20 "$2.log" >&2; exit 1; }
  grep "candidates evaluated" "$2.log"
}
start=$(date +%s)
search "$url" "$tmp/cluster"
tasks=$(cat "$tmp"/work/*/*/stderr 2>/dev/null | grep -c "Finished task" || true)
jars=$(ls "$tmp"/work/*/*/*.jar 2>/dev/null | wc -l)
echo "on the cluster: $(($(date +%s) - start)) s; its executor fetched $jars jars and ran $tasks tasks"
start=$(date +%s)
search "local[2]" "$tmp/local"
echo "in local[2]: $(($(date +%s) - start)) s"

if cmp "$tmp/cluster/evaluated.jsonl" "$tmp/local/evaluated.jsonl"; then
  echo "the same search: $(wc -l <"$tmp/cluster/evaluated.jsonl") evaluated rules, identical evaluated.jsonl on $url and local[2]"
else
  echo "cluster-test: the cluster's evaluated.jsonl differs from local[2]'s" >&2
  exit 1
fi
