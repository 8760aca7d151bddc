package org.optjit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Runs every file of the conformance corpus ({@code src/test/resources/corpus/*.opt}) on
 * every backend and compares the weights, state and gradients after the steps with the
 * values written in the file, bit for bit (see {@link CorpusFile} for the format).
 */
class ConformanceTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CorpusFile f : CorpusFile.load("")) {
            for (Backend b : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
                out.add(Arguments.of(f, b));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void corpusFileGivesTheExpectedValues(CorpusFile f, Backend backend) {
        assertFalse(f.expect().isEmpty(), f.name() + " has no '# expect:' line");
        Rule rule = Rule.parse(f.source());
        Kernel kernel = rule.compile(backend);
        Optimizer opt = kernel.bind(f.set()).threads(1);
        float[] w = f.init().get("w").clone();
        float[] g = f.init().get("g").clone();
        OptimizerState s = opt.newState(w);
        for (Map.Entry<String, float[]> e : f.init().entrySet()) {
            if (!e.getKey().equals("w") && !e.getKey().equals("g")) {
                System.arraycopy(e.getValue(), 0, s.array(e.getKey()), 0, w.length);
            }
        }
        s.setT(f.t());
        for (int i = 0; i < f.steps(); i++) {
            opt.step(w, g, s);
        }
        for (Map.Entry<String, float[]> e : f.expect().entrySet()) {
            float[] actual = switch (e.getKey()) {
                case "w" -> w;
                case "g" -> g;
                default -> s.array(e.getKey());
            };
            assertSame(f.name() + ": " + e.getKey(), e.getValue(), actual);
        }
    }

    /** Bitwise equality (NaN equals NaN, -0 differs from 0), with a readable message. */
    private static void assertSame(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.compare(expected[i], actual[i]) != 0) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]
                        + " (all: " + Arrays.toString(actual) + ")");
            }
        }
    }
}
