package org.optjit.examples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * The parts of the public API that issue 8 adds ({@code newState(w, layout)}, per-group
 * {@code set}, {@code evalWeights}, {@code Rule.chain}), looked up at run time so that the
 * tests of the tensor examples compile before the compiler has them. Once they exist on
 * main, the callers can use them directly and this class can go.
 */
final class TensorApi {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();
    private static final MethodHandle NEW_STATE = find(Optimizer.class, "newState",
            MethodType.methodType(OptimizerState.class, float[].class, Layout.class));
    private static final MethodHandle SET = find(Optimizer.class, "set",
            MethodType.methodType(Optimizer.class, String.class, String.class, double.class));
    private static final MethodHandle EVAL_WEIGHTS = find(Optimizer.class, "evalWeights",
            MethodType.methodType(void.class, float[].class, OptimizerState.class, float[].class));
    private static final MethodHandle CHAIN = findStatic(Rule.class, "chain",
            MethodType.methodType(Rule.class, Rule[].class));

    private TensorApi() {
    }

    private static MethodHandle find(Class<?> c, String name, MethodType type) {
        try {
            return LOOKUP.findVirtual(c, name, type);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static MethodHandle findStatic(Class<?> c, String name, MethodType type) {
        try {
            return LOOKUP.findStatic(c, name, type);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** What is still missing, or null when the whole API is there. */
    static String missing() {
        StringBuilder sb = new StringBuilder();
        if (NEW_STATE == null) {
            sb.append(" Optimizer.newState(float[], Layout)");
        }
        if (SET == null) {
            sb.append(" Optimizer.set(String, String, double)");
        }
        if (EVAL_WEIGHTS == null) {
            sb.append(" Optimizer.evalWeights(float[], OptimizerState, float[])");
        }
        if (CHAIN == null) {
            sb.append(" Rule.chain(Rule...)");
        }
        return sb.length() == 0 ? null : "not in the API yet:" + sb;
    }

    static OptimizerState newState(Optimizer opt, float[] w, Layout layout) {
        return (OptimizerState) invoke(NEW_STATE, opt, w, layout);
    }

    static void set(Optimizer opt, String group, String name, double value) {
        invoke(SET, opt, group, name, value);
    }

    static void evalWeights(Optimizer opt, float[] w, OptimizerState s, float[] out) {
        invoke(EVAL_WEIGHTS, opt, w, s, out);
    }

    static Rule chain(Rule... rules) {
        return (Rule) invoke(CHAIN, (Object) rules);
    }

    private static Object invoke(MethodHandle h, Object... args) {
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
