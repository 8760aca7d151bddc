package org.optjit.cli;

import java.util.Locale;

/**
 * The mean and sample standard deviation of a figure over seeds.
 *
 * @param mean the mean
 * @param sd   the sample standard deviation (n - 1 in the denominator); NaN for one value
 * @param n    how many values
 */
record Spread(double mean, double sd, int n) {

    static Spread of(double[] values) {
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Spread(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
    }

    /**
     * Whether the difference of two means exceeds the spread over seeds: |Δmean| larger than
     * the sum of the two standard deviations. A deliberately plain criterion (not a test):
     * with a few seeds it says only that the runs' ranges do not overlap by one sd each.
     */
    boolean clearlyDiffersFrom(Spread other) {
        return n > 1 && other.n > 1 && Math.abs(mean - other.mean) > sd + other.sd;
    }

    /** "0.0329 ± 0.0012" or "0.0329" for a single value. */
    String text() {
        return n > 1 ? String.format(Locale.ROOT, "%.5g ± %.2g", mean, sd) : String.format(Locale.ROOT, "%.5g", mean);
    }
}
