package org.optjit.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optjit.runtime.UpperHalf;

/**
 * What LAMB's two norms cost in its first pass, the pass that streams g, m, v and w from
 * memory: the same hand-written Vector API loop (Adam's moments, the direction {@code r}
 * stored for the update pass, as the generated kernel keeps it) over 64 matrices of 512 x
 * 512 on one thread, with {@code ||w||^2} and {@code ||r||^2} added and without them, the
 * two timed alternately ({@link Alternate}). {@code sums = double} adds them as the
 * generated kernels do (docs/language.md): each value widened to double and added to one of
 * sixteen stripe sums held in registers, in calls of one block (65,536 weights);
 * {@code sums = float} adds them in float lanes, as the hand-written baseline does
 * (VectorLamb). The ratio {@code withNanos / withoutNanos} is what the sums add to the pass;
 * the LAMB target (1.3x AdamW on one thread) leaves LAMB about 0.2x of AdamW's time
 * beyond a pass that costs as much as AdamW's, and the update pass alone takes about that.
 * Needs the preferred species to be 16 floats (AVX-512); elsewhere the setup fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g",
        "-XX:+UseTransparentHugePages"})
public class SumCostBench {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    private static final int BLOCK = 1 << 16;

    /** The time of the pass with and without the sums, summed over an iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long withNanos;
        public long withoutNanos;

        @Setup(Level.Iteration)
        public void clear() {
            withNanos = 0;
            withoutNanos = 0;
        }
    }

    @Param({"double", "float"})
    public String sums;

    private float[] g;
    /** w, m, v and the kept direction of each of the two loops, so that neither reads the other's lines. */
    private final float[][] w = new float[2][];
    private final float[][] m = new float[2][];
    private final float[][] v = new float[2][];
    private final float[][] kept = new float[2][];
    private final float[] u = {0.9f, 0.1f, 0.999f, 0.001f, 0.5f, 0.3f, 1e-6f, 0.01f};
    private final double[] norms = new double[2];
    private long steps;
    private final long[] nanos = new long[2];

    @Setup(Level.Trial)
    public void setUp() {
        if (F.length() != 16) {
            throw new IllegalStateException("SumCostBench needs 16-float vectors (AVX-512), not " + F.length());
        }
        int size = TensorRuleBench.TENSORS * TensorRuleBench.ROWS * TensorRuleBench.COLS;
        float[][] data = RuleBench.randomData(size);
        g = data[1];
        for (int k = 0; k < 2; k++) {
            w[k] = data[0].clone();
            m[k] = new float[size];
            v[k] = new float[size];
            kept[k] = new float[TensorRuleBench.ROWS * TensorRuleBench.COLS];
        }
        for (int k = 0; k < 20; k++) {   // compiles both loops from their entry
            pass(0, true);
            pass(1, false);
        }
    }

    @Benchmark
    public double round(Times times) {
        Alternate.round(steps++, () -> pass(0, true), () -> pass(1, false), nanos);
        times.withNanos += nanos[0];
        times.withoutNanos += nanos[1];
        return norms[0] + norms[1];
    }

    /** The first pass over every tensor, in calls of one block, as the generated LAMB calls its kernel. */
    private void pass(int set, boolean withSums) {
        int n = TensorRuleBench.ROWS * TensorRuleBench.COLS;
        for (int t = 0; t < TensorRuleBench.TENSORS; t++) {
            norms[0] = 0;
            norms[1] = 0;
            for (int from = t * n; from < (t + 1) * n; from += BLOCK) {
                if (!withSums) {
                    moments(set, from, from + BLOCK, t * n);
                } else if (sums.equals("double")) {
                    momentsDouble(set, from, from + BLOCK, t * n);
                } else {
                    momentsFloat(set, from, from + BLOCK, t * n);
                }
            }
        }
    }

    private FloatVector direction(int set, int i, int origin) {
        FloatVector gv = FloatVector.fromArray(F, g, i);
        FloatVector mv = FloatVector.fromArray(F, m[set], i).mul(u[0]).add(gv.mul(u[1]));
        FloatVector vv = FloatVector.fromArray(F, v[set], i).mul(u[2]).add(gv.mul(gv).mul(u[3]));
        mv.intoArray(m[set], i);
        vv.intoArray(v[set], i);
        FloatVector r = mv.div(u[4]).div(vv.div(u[5]).sqrt().add(u[6]))
                .add(FloatVector.fromArray(F, w[set], i).mul(u[7]));
        r.intoArray(kept[set], i - origin);
        return r;
    }

    private void moments(int set, int from, int to, int origin) {
        for (int i = from; i < to; i += 16) {
            direction(set, i, origin);
        }
    }

    private void momentsDouble(int set, int from, int to, int origin) {
        DoubleVector w0 = DoubleVector.zero(D);
        DoubleVector w1 = w0;
        DoubleVector r0 = w0;
        DoubleVector r1 = w0;
        float[] ws = w[set];
        for (int i = from; i < to; i += 16) {
            FloatVector r = direction(set, i, origin);
            FloatVector wv = FloatVector.fromArray(F, ws, i);
            DoubleVector a = (DoubleVector) wv.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector b = (DoubleVector) wv.rearrange(UpperHalf.SHUFFLE).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector c = (DoubleVector) r.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d = (DoubleVector) r.rearrange(UpperHalf.SHUFFLE).convertShape(VectorOperators.F2D, D, 0);
            w0 = a.fma(a, w0);
            w1 = b.fma(b, w1);
            r0 = c.fma(c, r0);
            r1 = d.fma(d, r1);
        }
        norms[0] += w0.add(w1).reduceLanes(VectorOperators.ADD);
        norms[1] += r0.add(r1).reduceLanes(VectorOperators.ADD);
    }

    private void momentsFloat(int set, int from, int to, int origin) {
        FloatVector accW = FloatVector.zero(F);
        FloatVector accR = accW;
        float[] ws = w[set];
        for (int i = from; i < to; i += 16) {
            FloatVector r = direction(set, i, origin);
            FloatVector wv = FloatVector.fromArray(F, ws, i);
            accW = accW.add(wv.mul(wv));
            accR = accR.add(r.mul(r));
        }
        norms[0] += accW.reduceLanes(VectorOperators.ADD);
        norms[1] += accR.reduceLanes(VectorOperators.ADD);
    }

    /*
     * How to run (from the repository root):
     *   java -jar benchmarks/target/benchmarks.jar SumCostBench -rf json -rff sums.json
     *   python3 benchmarks/tensor_report.py sums.json
     */
}
