package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.examples.ExamplesMatchReferenceTest.Setting;
import org.optjit.reference.ReferenceRule;
import org.optjit.reference.References;

/**
 * Proves that the data of {@link ExamplesMatchReferenceTest} drives every clamped state of
 * the examples to both of its bounds (gains to 0.1 and 10, rprop steps to 1e-6 and 50, and
 * the narrower custom bounds), so that the comparison covers the clamps. Runs the
 * references only, on the largest size and the same seeds and step numbers.
 */
class ClampCoverageTest {

    /** A state array kept within [min, max] by a rule, and the hyperparameters that say so. */
    record Clamp(String rule, String state, String minName, double minDefault, String maxName, double maxDefault) {
    }

    static Stream<Arguments> clamps() {
        Clamp[] all = {
            new Clamp("adaptive_gains", "gain", "gain_min", 0.1, "gain_max", 10),
            new Clamp("adaptive_gains_momentum", "gain", "gain_min", 0.1, "gain_max", 10),
            new Clamp("rprop", "step", "step_min", 1e-6, "step_max", 50),
            new Clamp("irprop_minus", "step", "step_min", 1e-6, "step_max", 50),
        };
        return Stream.of(all).flatMap(c -> Stream.of(Setting.values()).map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("clamps")
    void bothBoundsAreReached(Clamp c, Setting setting) {
        int n = 1027;
        long seed = 31L * c.rule().hashCode() + n;
        Map<String, Double> hypers = setting == Setting.CUSTOM ? CustomHyperparameters.of(c.rule()) : Map.of();
        long firstStep = setting == Setting.CUSTOM ? ExamplesMatchReferenceTest.CUSTOM_FIRST_STEP : 1;

        ReferenceRule ref = References.create(c.rule(), hypers, GradientSequence.weights(seed, n));
        float[] w = GradientSequence.weights(seed, n);
        GradientSequence gradients = new GradientSequence(seed, n);
        float lowest = Float.POSITIVE_INFINITY;
        float highest = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < ExamplesMatchReferenceTest.STEPS; k++) {
            ref.step(w, gradients.next(), firstStep + k);
            for (float x : ref.state().get(c.state())) {
                lowest = Math.min(lowest, x);
                highest = Math.max(highest, x);
            }
        }
        assertEquals((float) hypers.getOrDefault(c.minName(), c.minDefault()).doubleValue(), lowest,
                c.state() + " never reached its lower bound");
        assertEquals((float) hypers.getOrDefault(c.maxName(), c.maxDefault()).doubleValue(), highest,
                c.state() + " never reached its upper bound");
    }
}
