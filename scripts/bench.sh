#!/usr/bin/env bash
# Runs the foundation benchmark (app/src/test/java/cn/dayi/app/bench/SearchBenchmark.java):
#   ./dayi bench [instruments=100000] [requests-per-level=2000]
# Uses the MariaDB server at 127.0.0.1:3306 (a fresh schema) and a local Elasticsearch node
# (heap DAYI_TEST_ES_HEAP, default 1g). Builds in the reactor without installing anything. Prints a
# Markdown section and writes it to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
export DAYI_TEST_ES_HEAP="${DAYI_TEST_ES_HEAP:-1g}"
cd app
# reactor modules resolve to their target/classes folders
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.dayi.app.bench.SearchBenchmark "${1:-100000}" "${2:-2000}"
