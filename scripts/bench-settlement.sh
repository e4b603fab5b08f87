#!/usr/bin/env bash
# Runs the settlement benchmark (app/src/test/java/cn/dayi/app/bench/SettlementBenchmark.java):
#   scripts/bench-settlement.sh [orders per month …]      default: 100000 1000000
# Each size is one month of completed orders with their ledger journals, settled as the monthly job does.
# Uses the MariaDB server at 127.0.0.1:3306 (a fresh schema, dropped at exit) and a local Elasticsearch node
# (the application context wants one; heap DAYI_TEST_ES_HEAP, default 1g). Builds in the reactor without
# installing anything. Prints a Markdown section and writes it to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
export DAYI_TEST_ES_HEAP="${DAYI_TEST_ES_HEAP:-1g}"
cd app
# reactor modules resolve to their target/classes folders
if [[ $# -eq 0 ]]; then set -- 100000 1000000; fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.dayi.app.bench.SettlementBenchmark "$@"
