#!/usr/bin/env bash
# Measures how many candidates per second one core generates, checks and compiles (the
# JMH benchmark CandidateThroughputBench in src/test/java/org/optjit/search/bench).
# Needs the core installed first: mvn -q install -DskipTests (at the repository root).
# About 2 minutes. Extra arguments go to JMH (e.g. -f 2 -i 10). MAVEN_ARGS passes options
# to every mvn call (e.g. -o, or -Dmaven.repo.local=DIR), as Maven 3.9 reads it itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -q ${MAVEN_ARGS:-} test-compile
# shellcheck disable=SC2086
mvn -q ${MAVEN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" --add-modules jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main CandidateThroughputBench "$@"
