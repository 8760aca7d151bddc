#!/usr/bin/env bash
# Measures how many candidates per second one core generates, checks and compiles (the
# JMH benchmark CandidateThroughputBench in src/test/java/org/optjit/search/bench).
# Needs the core installed first: mvn -q install -DskipTests (at the repository root).
# About 1 minute. Extra arguments go to JMH (e.g. -f 2 -i 10).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" --add-modules jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main CandidateThroughputBench "$@"
