package org.optjit.cli;

import org.optjit.train.Plural;
import java.util.Locale;
import org.optjit.train.EpochMetrics;
import org.optjit.train.TrainResult;

/** The closing line of a training run: what it did and which epoch's weights its figures come from. */
final class RunReport {

    private RunReport() {
    }

    static String done(TrainResult r) {
        EpochMetrics m = r.reported();
        boolean restored = r.weightsEpoch() != r.last().epoch();
        return String.format(Locale.ROOT, "done: %s, %s%s; test error %.4f with the weights of epoch %d (%s);"
                        + " best validation error at epoch %d",
                Plural.of(r.last().epoch(), "epoch"), Plural.of(r.last().step(), "step"),
                r.stoppedEarly() ? " (stopped early)" : "", m.testError(), m.epoch(),
                restored ? "the best, restored" : r.weightsEpoch() == r.bestEpoch() ? "the last, also the best" : "the last",
                r.bestEpoch());
    }
}
