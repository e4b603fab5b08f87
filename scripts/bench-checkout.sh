#!/usr/bin/env bash
# Runs the checkout-latency benchmark (app/src/test/java/cn/dayi/app/bench/CheckoutBenchmark.java):
#   scripts/bench-checkout.sh [orders per buyer and level]      default: 60
# Part innovation voucher, part card (WireMock as the Stripe API) over HTTP at 1 and 8 buyers at once, against a
# baseline read in the same run. Uses the MariaDB server at 127.0.0.1:3306 (a fresh schema, dropped at exit) and a
# local Elasticsearch node (heap DAYI_TEST_ES_HEAP, default 1g). Builds in the reactor without installing anything.
# Prints a Markdown section and writes it to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
export DAYI_TEST_ES_HEAP="${DAYI_TEST_ES_HEAP:-1g}"
cd app
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.dayi.app.bench.CheckoutBenchmark "$@"
