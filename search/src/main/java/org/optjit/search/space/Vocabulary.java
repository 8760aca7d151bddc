package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.BinaryOp;
import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.Rule;
import org.optjit.sema.Axis;
import org.optjit.sema.Function;
import org.optjit.sema.Reduction;
import org.optjit.sema.Role;
import org.optjit.sema.Shape;

/**
 * What the search may write: operators, functions, reductions, shape values, state classes
 * and constants. Functions come from the language's own tables ({@link Function}, and the
 * reductions {@link Reduction} that need no scope: {@code sum(e)}, {@code norm(e)}, ...),
 * grouped by how many arguments they take, so a function added to the language joins the
 * search space without a change here; so do reductions and their scopes ({@link Axis}) and
 * the classes a state may declare ({@link Shape#keyword}). A binary
 * operator added to {@link BinaryOp} joins it the same way (arithmetic and comparison
 * operators are read from the enum's kinds). A function this build cannot compile or run
 * (one that needs a backend or a module it does not have) is left out: each is tried once,
 * one step of {@code w -= lr * f(g, ...)}.
 */
public final class Vocabulary {

    /** The one hyperparameter of a rule in search form; the learning-rate grid sets it. */
    public static final String LR = "lr";
    /** Names of state variables the search introduces: s0, s1, ... */
    public static final String STATE_PREFIX = "s";
    /** Names of temporaries the search introduces: u0, u1, ... */
    public static final String TEMP_PREFIX = "u";

    /**
     * Constants a mutation may write: the decay rates, scales and epsilons that published
     * rules use (Adam's 0.9/0.999, Lion's 0.99, RMSProp's 1e-8 ...).
     */
    private static final double[] CONSTANTS = {0.5, 0.9, 0.99, 0.999, 1, 2, 0.1, 0.01, 1e-8, 1e-3};
    /** The built-in names that may be shape values; those the language has ({@link Role#SHAPE}) are used. */
    private static final List<String> SHAPE_NAMES = List.of("rows", "cols", "size", "ndim");

    private final List<String> unary = new ArrayList<>();
    private final List<String> binary = new ArrayList<>();
    private final List<String> ternary = new ArrayList<>();
    private final List<BinaryOp> arithmetic = new ArrayList<>();
    private final List<BinaryOp> comparisons = new ArrayList<>();
    private final List<Reduction> reductions = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private final List<String> shapeValues = new ArrayList<>();
    private final List<String> stateClasses = new ArrayList<>();

    private Vocabulary() {
    }

    /** Every function and operator of the language this core knows. */
    public static Vocabulary ofLanguage() {
        Vocabulary v = new Vocabulary();
        for (Function f : Function.values()) {
            for (int arity = 1; arity <= 3; arity++) {
                if (f.accepts(arity)) {
                    v.add(f.spelling(), arity);
                    break;
                }
            }
        }
        for (Reduction r : Reduction.values()) {
            if (r.reducesWithoutScope()) {
                v.add(r.spelling(), 1);
            }
        }
        v.reductions.addAll(List.of(Reduction.values()));
        for (Axis a : Axis.values()) {
            v.scopes.add(a.spelling());
        }
        for (String name : SHAPE_NAMES) {
            if (Role.builtin(name) == Role.SHAPE) {
                v.shapeValues.add(name);
            }
        }
        for (Shape c : Shape.values()) {
            if (c.keyword() != null) {
                v.stateClasses.add(c.keyword());
            }
        }
        for (BinaryOp op : BinaryOp.values()) {
            if (op.kind() == BinaryOp.Kind.ARITH) {
                v.arithmetic.add(op);
            } else if (op.kind() == BinaryOp.Kind.COMPARE) {
                v.comparisons.add(op);
            }
        }
        return v;
    }

    private void add(String function, int arity) {
        if (compiles(function, arity)) {
            functionsOfArity(arity).add(function);
        }
    }

    private static boolean compiles(String function, int arity) {
        String args = String.join(", ", java.util.Collections.nCopies(arity, "g"));
        try {
            Optimizer opt = Rule.parse("w -= " + LR + " * " + function + "(" + args + ")").compile(Backend.SCALAR)
                    .bind(java.util.Map.of(LR, 0.1)).threads(1);
            float[] w = {1, -2, 3, -4};
            opt.step(w, new float[] {0.5f, -1, 2, -3}, opt.newState(w));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Functions of one argument (sqrt, abs, sign, exp, ...). */
    public List<String> unaryFunctions() {
        return unary;
    }

    /** Functions of two arguments (min, max, pow, ...). */
    public List<String> binaryFunctions() {
        return binary;
    }

    /** Functions of three arguments (clip, ...). */
    public List<String> ternaryFunctions() {
        return ternary;
    }

    public List<BinaryOp> arithmeticOperators() {
        return arithmetic;
    }

    public List<BinaryOp> comparisonOperators() {
        return comparisons;
    }

    /** The functions taking {@code n} arguments, or an empty list. */
    public List<String> functionsOfArity(int n) {
        return switch (n) {
            case 1 -> unary;
            case 2 -> binary;
            case 3 -> ternary;
            default -> List.of();
        };
    }

    /** Every reduction: sum, mean, norm, rms, and max and min (which need a scope). */
    public List<Reduction> reductions() {
        return reductions;
    }

    /** The scopes a reduction may name: tensor, all, row, col. */
    public List<String> scopes() {
        return scopes;
    }

    /** The shape values of a tensor: rows, cols, size, ndim. */
    public List<String> shapeValues() {
        return shapeValues;
    }

    /** The classes a {@code state v: C} declaration may name: all, tensor, row, col. */
    public List<String> stateClasses() {
        return stateClasses;
    }

    public double constant(int i) {
        return CONSTANTS[i];
    }

    public int constantCount() {
        return CONSTANTS.length;
    }
}
