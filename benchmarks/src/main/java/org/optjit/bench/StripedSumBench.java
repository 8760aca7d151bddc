package org.optjit.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optjit.runtime.tensor.StripedSum;

/**
 * The reductions' sum ({@link StripedSum}) alone, as the tensor runtime feeds it: tiles of
 * 2,048 values from one array of 16,777,216 (the size of {@link TensorRatioBench}'s layout),
 * so the cost per value can be set beside a pass over memory. Run it twice, once with
 * {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector -Doptjit.scalarReductions=true"},
 * to compare the Vector API loop with the scalar one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms1g", "-Xmx2g"})
public class StripedSumBench {

    private static final int TILE = 2048;

    @Param({"true", "false"})
    public boolean squares;

    /** Values summed per operation: 16,777,216 streams from memory, 2,048 repeats one L1-resident tile. */
    @Param({"16777216"})
    public int size;

    private float[] x;
    private final StripedSum sum = new StripedSum();

    @Setup
    public void setUp() {
        Random r = new Random(1);
        x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextGaussian();
        }
    }

    @Benchmark
    public double tiles() {
        sum.reset(squares);
        float[] tile = new float[TILE];
        for (int lo = 0; lo < size; lo += TILE) {
            int n = Math.min(TILE, size - lo);
            System.arraycopy(x, lo, tile, 0, n);
            sum.add(tile, n);
        }
        return sum.finish();
    }
}
