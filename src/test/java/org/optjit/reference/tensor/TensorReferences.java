package org.optjit.reference.tensor;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.optjit.Layout;
import org.optjit.reference.References;

/**
 * The reference of each tensor example, by the example's file name. A transform (a rule that
 * never assigns w) is checked in front of {@code sgd.opt}: its reference is the transform
 * followed by sgd's ({@link #SUCCESSOR}).
 */
public final class TensorReferences {

    /** The element-wise example that follows each transform when it is tested. */
    public static final String SUCCESSOR = "sgd";

    private interface Factory {
        TensorReference create(TensorHypers h, Layout layout, float[] w);
    }

    private interface TransformFactory {
        GradientTransform create(TensorHypers h, Layout layout);
    }

    private static final Map<String, Factory> RULES = rules();
    private static final Map<String, TransformFactory> TRANSFORMS = Map.of(
            "clip_global_norm", ClipGlobalNormReference::new,
            "agc", AgcReference::new);

    private TensorReferences() {
    }

    private static Map<String, Factory> rules() {
        Map<String, Factory> m = new TreeMap<>();
        m.put("adamw_clipped", AdamwClippedReference::new);
        m.put("lars", LarsReference::new);
        m.put("lamb", LambReference::new);
        m.put("novograd", NovogradReference::new);
        m.put("adafactor", AdafactorReference::new);
        m.put("cautious_adamw", CautiousAdamwReference::new);
        m.put("prodigy", ProdigyReference::new);
        m.put("dadapt_adam", DadaptAdamReference::new);
        m.put("schedule_free_adamw", ScheduleFreeAdamwReference::new);
        m.put("lookahead", LookaheadReference::new);
        m.put("ema", EmaReference::new);
        m.put("adan", AdanReference::new);
        m.put("mars", MarsReference::new);
        m.put("muon", MuonReference::new);
        m.put("adamw_warmup_cosine", AdamwWarmupCosineReference::new);
        return Map.copyOf(m);
    }

    /** Every tensor example with a reference, sorted. */
    public static Set<String> names() {
        Set<String> s = new TreeSet<>(RULES.keySet());
        s.addAll(TRANSFORMS.keySet());
        return s;
    }

    /** Whether {@code rule} is a transform, tested in front of {@link #SUCCESSOR}. */
    public static boolean isTransform(String rule) {
        return TRANSFORMS.containsKey(rule);
    }

    /**
     * A fresh reference for the weights {@code w} (read for the initial state only).
     *
     * @param hypers  values for every group (for a transform: the transform's own, unqualified)
     * @param byGroup values for single groups, by group name
     * @throws IllegalArgumentException for an unknown rule or hyperparameter name
     */
    public static TensorReference create(String rule, Layout layout, Map<String, Double> hypers,
            Map<String, Map<String, Double>> byGroup, float[] w) {
        TensorHypers h = new TensorHypers(hypers, byGroup);
        TensorReference r;
        if (TRANSFORMS.containsKey(rule)) {
            r = new Chain(TRANSFORMS.get(rule).create(h, layout), References.create(SUCCESSOR, Map.of(), w));
        } else if (RULES.containsKey(rule)) {
            r = RULES.get(rule).create(h, layout, w);
        } else {
            throw new IllegalArgumentException("no tensor reference for rule '" + rule + "'");
        }
        h.requireAllUsed(rule);
        return r;
    }
}
