package org.optjit.runtime.tensor;

import java.util.List;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.ReductionSpec;
import org.optjit.phase.Plan;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;
import org.optjit.sema.Shape;

/**
 * The coarse values of one step: every prelude instruction, in double, for every element of
 * its shape class (per group, tensor, row or column; see {@link Geometry}). Evaluated level by
 * level as the passes deliver the reductions they accumulate ({@link #acc}). Tensors write
 * only their own elements, so several threads may evaluate different tensors at once.
 */
final class CoarseValues {

    private final Plan plan;
    private final Geometry geo;
    private final List<Insn> insns;
    private final Shape[] shape;
    private final int[] level;
    final double[][] v;
    private final double[][] hypers;
    private final long t;
    private final float[][] states;
    /** Per reduction of a per-weight value: its raw accumulation per tensor, row or column. */
    final double[][] acc;
    /**
     * Per level, the prelude instructions with a value per tensor, row or column, in order:
     * {@link #evalTensor} runs for every tensor and level, and scanning the whole prelude there
     * was a visible part of a step on small tensors.
     */
    private final int[][] perTensor;

    /**
     * Per level, the prelude instructions with a value per tensor, row or column, in order:
     * what the constructor takes, so that a {@link TensorStep} works it out once for all its
     * steps (at the start of a step every cache line is cold, after the last step's streams).
     */
    static int[][] perTensor(Plan plan) {
        List<Insn> insns = plan.program().prelude().insns();
        Shape[] shape = plan.preludeShape();
        int[] level = plan.preludeLevel();
        int[][] perTensor = new int[plan.levels()][];
        for (int l = 0; l < perTensor.length; l++) {
            int lvl = l;
            perTensor[l] = java.util.stream.IntStream.range(0, insns.size())
                    .filter(i -> level[i] == lvl
                            && (shape[i] == Shape.TENSOR || shape[i] == Shape.ROW || shape[i] == Shape.COL))
                    .toArray();
        }
        return perTensor;
    }

    /** @param perTensor {@link #perTensor}{@code (plan)} */
    CoarseValues(Plan plan, Geometry geo, double[][] hypers, long t, float[][] states, int[][] perTensor) {
        this.plan = plan;
        this.geo = geo;
        this.insns = plan.program().prelude().insns();
        this.shape = plan.preludeShape();
        this.level = plan.preludeLevel();
        this.hypers = hypers;
        this.t = t;
        this.states = states;
        this.perTensor = perTensor;
        v = new double[insns.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[geo.extent(shape[i])];
        }
        List<ReductionSpec> reductions = plan.program().reductions();
        acc = new double[reductions.size()][];
        for (int r = 0; r < acc.length; r++) {
            ReductionSpec spec = reductions.get(r);
            if (spec.perWeight()) {
                acc[r] = new double[geo.extent(accumulatedShape(spec))];
                if (spec.kind() == Reduction.MAX || spec.kind() == Reduction.MIN) {
                    java.util.Arrays.fill(acc[r], start(spec.kind()));
                }
            }
        }
    }

    /** What a pass accumulates a per-weight reduction into: per tensor (also for [all]), row or column. */
    static Shape accumulatedShape(ReductionSpec spec) {
        return switch (spec.axis()) {
            case ROW -> Shape.ROW;
            case COL -> Shape.COL;
            default -> Shape.TENSOR;
        };
    }

    static double start(Reduction kind) {
        return kind == Reduction.MAX ? Double.NEGATIVE_INFINITY : kind == Reduction.MIN ? Double.POSITIVE_INFINITY : 0.0;
    }

    /** The per-step and per-step-from-data values of {@code lvl}, for every group. */
    void evalGroups(int lvl) {
        for (int i = 0; i < insns.size(); i++) {
            if (level[i] == lvl && (shape[i] == Shape.STEP || shape[i] == Shape.ALL)) {
                for (int e = 0; e < v[i].length; e++) {
                    v[i][e] = eval(i, e);
                }
            }
        }
    }

    /** The per-tensor, per-row and per-column values of {@code lvl} for tensor {@code t}. */
    void evalTensor(int lvl, int tensor) {
        for (int i : perTensor[lvl]) {
            Shape s = shape[i];
            int first = geo.first(s, tensor);
            int n = geo.count(s, tensor);
            if (n == 1 || !evalRange(i, s, first, n)) {
                for (int e = first; e < first + n; e++) {
                    v[i][e] = eval(i, e);
                }
            }
        }
    }

    /**
     * Instruction {@code i} for the {@code n} rows or columns of one tensor from {@code first},
     * when it is arithmetic on operands that are each per element of the same class or one value
     * for the whole tensor, or a reduction's value: what {@link #eval} computes element by
     * element, with the look-ups done once (Adafactor has a few such values per row and column,
     * and 64 tensors of 512 rows). False, computing nothing, for any other instruction.
     */
    private boolean evalRange(int i, Shape s, int first, int n) {
        Insn in = insns.get(i);
        double[] out = v[i];
        if (in.op() == Op.REDUCE) {
            ReductionSpec spec = plan.program().reductions().get(in.slot());
            if (spec.axis() != Axis.ROW && spec.axis() != Axis.COL) {
                return false;
            }
            double[] a = acc[in.slot()];
            double count = lineLength(spec.axis(), first); // the same for every row (column) of the tensor
            for (int e = first; e < first + n; e++) {
                out[e] = finish(spec.kind(), a[e], count);
            }
            return true;
        }
        if (!arithmetic(in.op()) || !hoistable(in.a(), s) || !hoistable(in.b(), s)) {
            return false;
        }
        double[] a = in.a() >= 0 ? v[in.a()] : null;
        double[] b = in.b() >= 0 ? v[in.b()] : null;
        int fixedA = in.a() >= 0 && shape[in.a()] != s ? geo.broadcast(shape[in.a()], s, first) : -1;
        int fixedB = in.b() >= 0 && shape[in.b()] != s ? geo.broadcast(shape[in.b()], s, first) : -1;
        Op op = in.op();
        for (int e = first; e < first + n; e++) {
            double x = a == null ? 0 : a[fixedA < 0 ? e : fixedA];
            double y = b == null ? 0 : b[fixedB < 0 ? e : fixedB];
            out[e] = Interpreter.apply(op, x, y);
        }
        return true;
    }

    /** The instructions {@link #eval} computes with {@link Interpreter#apply}. */
    private static boolean arithmetic(Op op) {
        return switch (op) {
            case CONST, HYPER, STEP, SHAPE, COARSE_STATE, REDUCE, REDUCE_OF, SELECT -> false;
            default -> true;
        };
    }

    /** Whether operand {@code j} (or none, -1) is per element of class {@code s} or one value for a whole tensor. */
    private boolean hoistable(int j, Shape s) {
        return j < 0 || shape[j] == s || shape[j] == Shape.TENSOR || shape[j] == Shape.STEP || shape[j] == Shape.ALL;
    }

    /** Every value of {@code lvl}, for every element, in program order (a global level). */
    void evalAll(int lvl) {
        for (int i = 0; i < insns.size(); i++) {
            if (level[i] == lvl) {
                for (int e = 0; e < v[i].length; e++) {
                    v[i][e] = eval(i, e);
                }
            }
        }
    }

    private double eval(int i, int e) {
        Insn in = insns.get(i);
        Shape s = shape[i];
        switch (in.op()) {
            case CONST: return in.value();
            case HYPER: return hypers[groupOf(s, e)][in.slot()];
            case STEP: return t;
            case SHAPE: return shapeValue(in.slot(), e);
            case COARSE_STATE: return states[in.slot()][e];
            case REDUCE: return reduced(in.slot(), e);
            case REDUCE_OF: return reducedOf(in.slot(), in.a(), e);
            case SELECT: return operand(in.a(), s, e) != 0 ? operand(in.b(), s, e) : operand(in.c(), s, e);
            default:
                return Interpreter.apply(in.op(), in.a() >= 0 ? operand(in.a(), s, e) : 0,
                        in.b() >= 0 ? operand(in.b(), s, e) : 0);
        }
    }

    private double operand(int j, Shape s, int e) {
        return v[j][geo.broadcast(shape[j], s, e)];
    }

    private int groupOf(Shape s, int e) {
        return s == Shape.STEP || s == Shape.ALL ? e : geo.group[geo.tensorOf(s, e)];
    }

    private double shapeValue(int which, int tensor) {
        return switch (which) {
            case 0 -> geo.rows[tensor];
            case 1 -> geo.cols[tensor];
            case 2 -> (double) geo.rows[tensor] * geo.cols[tensor];
            default -> geo.ndim[tensor];
        };
    }

    /** A reduction of a per-weight value, from what the passes accumulated. */
    private double reduced(int r, int e) {
        ReductionSpec spec = plan.program().reductions().get(r);
        double[] a = acc[r];
        return switch (spec.axis()) {
            case TENSOR -> finish(spec.kind(), a[e], (double) geo.rows[e] * geo.cols[e]);
            case ROW, COL -> finish(spec.kind(), a[e], lineLength(spec.axis(), e));
            case ALL -> {
                double raw = start(spec.kind());
                for (double partial : a) {
                    raw = combine(spec.kind(), raw, partial);
                }
                yield finish(spec.kind(), raw, geo.layout.size());
            }
        };
    }

    /** How many weights row (or column) {@code e} has: its tensor's columns (rows). */
    private double lineLength(Axis axis, int e) {
        return axis == Axis.ROW ? geo.cols[geo.rowTensor[e]] : geo.rows[geo.colTensor[e]];
    }

    /** A reduction of a coarse value: its elements of the tensor (or of all tensors), in order. */
    private double reducedOf(int r, int arg, int e) {
        ReductionSpec spec = plan.program().reductions().get(r);
        Shape a = spec.argShape();
        int from;
        int count;
        if (spec.shape() == Shape.ALL) {
            from = 0;
            count = v[arg].length;
        } else {
            from = geo.first(a, e);
            count = geo.count(a, e);
        }
        double raw = start(spec.kind());
        for (int k = from; k < from + count; k++) {
            double x = v[arg][k];
            raw = combine(spec.kind(), raw, spec.kind().squares() ? x * x : x);
        }
        return finish(spec.kind(), raw, count);
    }

    static double combine(Reduction kind, double raw, double x) {
        return switch (kind) {
            case MAX -> Math.max(raw, x);
            case MIN -> Math.min(raw, x);
            default -> raw + x;
        };
    }

    static double finish(Reduction kind, double raw, double count) {
        return switch (kind) {
            case MEAN -> raw / count;
            case NORM -> Math.sqrt(raw);
            case RMS -> Math.sqrt(raw / count);
            default -> raw;
        };
    }

    /** Whether tensor {@code tensor} needs what {@code guard} guards: each of its truth values as required. */
    boolean holds(org.optjit.phase.Guard guard, int tensor) {
        for (int k = 0; k < guard.insns().length; k++) {
            int i = guard.insns()[k];
            boolean value = v[i][geo.broadcast(shape[i], Shape.TENSOR, tensor)] != 0;
            if (value == guard.negated()[k]) {
                return false;
            }
        }
        return true;
    }

    /** The float a per-weight pass reads for export {@code k} at element {@code e} of its class. */
    float export(int k, int e) {
        return (float) v[plan.export()[k]][e];
    }
}
