package org.optjit.cli;

import java.util.List;
import java.util.Locale;
import org.optjit.train.EpochMetrics;

/**
 * One rule on one workload: its epochs, and when it first reached the workload's target
 * (the steps and the training seconds summed up to the end of that epoch), or why not.
 *
 * @param failure null, or e.g. "diverged at step 12"
 */
record SuiteResult(String workload, String rule, double target, List<EpochMetrics> history, String failure) {

    /** The first epoch whose validation error is at most the target, or null. */
    EpochMetrics reached() {
        for (EpochMetrics m : history) {
            if (m.valError() <= target) {
                return m;
            }
        }
        return null;
    }

    /** Training seconds up to the end of the epoch that reached the target; infinite when none did. */
    double secondsToTarget() {
        EpochMetrics r = reached();
        if (r == null) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (EpochMetrics m : history) {
            s += m.seconds();
            if (m == r) {
                break;
            }
        }
        return s;
    }

    EpochMetrics last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    private static String num(double v) {
        // six significant digits without trailing zeros: 0.04, 4.76345
        return Double.isFinite(v) ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros()
                .toPlainString() : "";
    }

    static final String CSV_HEADER = "workload,rule,target,reached,steps_to_target,seconds_to_target,final_val_error,"
            + "final_test_error,final_train_loss,steps,seconds,failure";

    String csv() {
        EpochMetrics r = reached(), l = last();
        return String.join(",", workload, rule, num(target), Boolean.toString(r != null),
                r == null ? "" : Long.toString(r.step()), num(secondsToTarget()),
                l == null ? "" : num(l.valError()), l == null ? "" : num(l.testError()),
                l == null ? "" : num(l.trainLoss()), l == null ? "" : Long.toString(l.step()),
                num(history.stream().mapToDouble(EpochMetrics::seconds).sum()), failure == null ? "" : failure);
    }

    String json() {
        EpochMetrics r = reached(), l = last();
        return String.format(Locale.ROOT, "{\"workload\": \"%s\", \"rule\": \"%s\", \"target\": %s, \"reached\": %b,"
                        + " \"steps_to_target\": %s, \"seconds_to_target\": %s, \"final_val_error\": %s,"
                        + " \"final_test_error\": %s, \"failure\": %s}",
                workload, rule, num(target), r != null, r == null ? "null" : Long.toString(r.step()),
                r == null ? "null" : num(secondsToTarget()), l == null ? "null" : num(l.valError()),
                l == null ? "null" : num(l.testError()), failure == null ? "null" : "\"" + failure + "\"");
    }
}
