package org.optjit.search.fitness;

import java.io.Serializable;
import org.optjit.Optimizer;

/**
 * A small training problem that scores a rule. Its description is a small serializable
 * value, sent to the executors; the data are generated there from the seed on first use
 * (per JVM) and never shipped.
 */
public interface Workload extends Serializable {

    String name();

    /**
     * Trains from the workload's fixed starting point with {@code optimizer} for
     * {@code steps} steps. The same optimizer and steps give the same result on any machine.
     */
    Progress train(Optimizer optimizer, int steps);

    /**
     * The loss before and after training. A run diverged when its loss is not finite or grew
     * more than a thousandfold.
     */
    record Progress(double initialLoss, double finalLoss) {

        public boolean diverged() {
            return !Double.isFinite(finalLoss) || finalLoss > 1000 * initialLoss;
        }

        /** Decades of loss reduction, log10(initial / final), clamped to [-3, 8]. */
        public double decades() {
            double d = Math.log10(initialLoss / Math.max(finalLoss, Double.MIN_NORMAL));
            return Math.max(-3, Math.min(8, d));
        }
    }
}
