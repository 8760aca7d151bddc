package org.optjit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.optjit.train.EpochMetrics;

/** The learning curves of a comparison: validation error and training loss, one series per variant. */
final class CompareCurves {

    private CompareCurves() {
    }

    static void write(Path dir, List<Outcome> outcomes, XAxis x, RunSetup setup, boolean classification) {
        int perStep = setup.config().batch().isFull() ? setup.splits().train().size()
                : Math.min(setup.config().batch().size(), setup.splits().train().size());
        CurveCharts.save(series(outcomes, x, perStep, EpochMetrics::valError), "Validation error", x.title(),
                classification ? "validation error (fraction)" : "validation error (squared error per pixel)",
                !classification, dir.resolve("val-error"));
        CurveCharts.save(series(outcomes, x, perStep, EpochMetrics::trainLoss), "Training loss", x.title(),
                "mean mini-batch loss", true, dir.resolve("train-loss"));
    }

    static Map<String, List<List<CurveCharts.Point>>> series(List<Outcome> outcomes, XAxis x, int perStep,
                                                             ToDoubleFunction<EpochMetrics> value) {
        Map<String, List<List<CurveCharts.Point>>> out = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.result() == null) {
                continue;
            }
            List<CurveCharts.Point> points = new ArrayList<>();
            double seconds = 0;
            for (EpochMetrics m : o.result().history()) {
                seconds += m.seconds();
                points.add(new CurveCharts.Point(x.of(m.epoch(), m.step(), seconds, perStep), value.applyAsDouble(m)));
            }
            out.computeIfAbsent(o.variant().name(), k -> new ArrayList<>()).add(points);
        }
        return out;
    }
}
