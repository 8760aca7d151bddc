package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.train.EpochMetrics;
import org.optjit.train.TestRules;
import org.optjit.train.trace.PathTracer;
import org.optjit.train.trace.Surface;
import org.optjit.train.trace.TracedPath;

/** The plots are written as PNG and SVG (XChart and its vector-graphics dependency resolve). */
class ChartsTest {

    @Test
    void pathsAndCurvesAreWrittenInBothFormats(@TempDir Path dir) throws Exception {
        Optimizer opt = TestRules.momentum().compile(Backend.INTERPRETER).bind(Map.of("lr", 0.02));
        TracedPath p = PathTracer.trace(opt, Surface.BOWL, 100);
        assertTrue(p.finalValue(Surface.BOWL) < 0.01 * Surface.BOWL.value(-4, -1.5), "momentum gets near the minimum");
        Charts.paths(Surface.BOWL, Map.of("momentum", p), dir.resolve("bowl"));
        Charts.learningCurves(Map.of("a", List.of(new EpochMetrics(1, 10, 1, 1, 0.5, 0.5, 1, 0.1),
                new EpochMetrics(2, 20, 0.5, 0.5, 0.25, 0.3, 1, 0.1))), "t", "y", EpochMetrics::valError, true,
                dir.resolve("curves"));
        for (String f : List.of("bowl.png", "bowl.svg", "curves.png", "curves.svg")) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
        String svg = Files.readString(dir.resolve("bowl.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("<ellipse"), "an SVG with the path's markers");
    }
}
