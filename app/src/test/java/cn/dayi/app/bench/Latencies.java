package cn.dayi.app.bench;

import java.util.Arrays;

/** Collected request latencies of one benchmark run, in microseconds. */
final class Latencies {

    private final long[] micros;
    private final double wallSeconds;

    Latencies(long[] micros, double wallSeconds) {
        this.micros = micros.clone();
        Arrays.sort(this.micros);
        this.wallSeconds = wallSeconds;
    }

    double percentileMillis(double p) {
        if (micros.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * micros.length) - 1;
        return micros[Math.max(0, Math.min(micros.length - 1, idx))] / 1000.0;
    }

    double throughput() {
        return micros.length / wallSeconds;
    }

    int count() {
        return micros.length;
    }
}
