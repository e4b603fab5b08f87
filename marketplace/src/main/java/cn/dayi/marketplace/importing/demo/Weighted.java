package cn.dayi.marketplace.importing.demo;

/**
 * A discrete distribution over indices {@code 0..n-1} given non-negative weights: {@link #pick}
 * maps a uniform draw in {@code [0, 1)} to an index by binary search over the cumulative weights.
 * Indices with weight 0 are never picked.
 */
final class Weighted {

    private final double[] cumulative;
    private final double total;

    Weighted(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("bad weight " + weights[i] + " at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all weights are zero");
        }
        total = sum;
    }

    /** The index a uniform draw {@code u} in [0, 1) falls on: the first whose cumulative weight exceeds u·total. */
    int pick(double u) {
        double x = u * total;
        int lo = 0;
        int hi = cumulative.length - 1;
        if (x >= cumulative[hi]) { // only by rounding: take the last index with a weight
            while (hi > 0 && cumulative[hi] == cumulative[hi - 1]) {
                hi--;
            }
            return hi;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Probability of index {@code i}. */
    double probability(int i) {
        double prev = i == 0 ? 0 : cumulative[i - 1];
        return (cumulative[i] - prev) / total;
    }

    int size() {
        return cumulative.length;
    }
}
