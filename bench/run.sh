#!/usr/bin/env bash
# Builds the test classes and runs the benchmark: bench/run.sh [--numbers=N] [--cdrs=M] [--registrations=K] ...
# JVM options come from BENCH_JAVA_OPTS (default -Xmx512m). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.voipguard.bench.Benchmark "$@"
