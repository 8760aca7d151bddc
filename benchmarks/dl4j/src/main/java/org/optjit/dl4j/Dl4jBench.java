package org.optjit.dl4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Trains one of issue 9's target networks with Deeplearning4j on Fashion-MNIST and prints
 * its training throughput: {@code warmup} mini-batches, then {@code batches} timed ones
 * (the batch order is reshuffled at every pass over the 60,000 training images). The thread
 * count is Deeplearning4j's own: {@code OMP_NUM_THREADS} in the environment sets both its
 * OpenMP threads and its OpenBLAS's (nd4j-native reads it when it starts).
 *
 * <p>Prints {@code key=value} lines for benchmarks/dl4j/run.sh; exit status 2 on bad usage.
 */
public final class Dl4jBench {

    private Dl4jBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dl4j-bench: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isDirectory(o.data())) {
            System.err.println("dl4j-bench: " + o.data() + " is not a directory (install Debian's "
                    + "dataset-fashion-mnist or give --data DIR)");
            System.exit(2);
        }
        IdxImages train = IdxImages.read(o.data(), "train");
        IdxImages test = IdxImages.read(o.data(), "t10k");
        int classes = 10;
        List<DataSet> batches = batches(train, o.workload().batch, classes);

        MultiLayerNetwork net = new MultiLayerNetwork(o.workload().configuration(o.seed(), train.inputs(), classes));
        net.init();
        print("model", o.workload().name().toLowerCase(Locale.ROOT));
        print("parameters", net.numParams());
        print("omp_threads", NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        print("blas_threads", openblas_nolapack.blas_get_num_threads());
        print("blas", SgemmRate.openblasVersion());
        print("batch", o.workload().batch);
        print("flops_per_example", o.workload().flopsPerExample(train.inputs(), classes));

        Random order = new Random(o.seed());
        int[] perm = new int[batches.size()];
        int done = 0;
        done = train(net, batches, perm, order, done, o.warmup(), null);
        long[] examples = new long[1];
        long start = System.nanoTime();
        train(net, batches, perm, order, done, o.batches(), examples);
        double seconds = (System.nanoTime() - start) / 1e9;
        print("timed_batches", o.batches());
        print("timed_examples", examples[0]);
        print("seconds", seconds);
        print("examples_per_second", examples[0] / seconds);
        print("train_loss", net.score());
        if (o.evaluate() > 0) {
            print("test_accuracy", accuracy(net, test, Math.min(o.evaluate(), test.count())));
            print("test_examples", Math.min(o.evaluate(), test.count()));
        }
        print("peak_rss_mb", PeakMemory.residentMegabytes());
    }

    /** Runs {@code count} mini-batches from position {@code done}; returns the new position. */
    private static int train(MultiLayerNetwork net, List<DataSet> batches, int[] perm, Random order, int done,
                             int count, long[] examples) {
        for (int i = 0; i < count; i++, done++) {
            int within = done % batches.size();
            if (within == 0) {
                shuffle(perm, order);
            }
            DataSet b = batches.get(perm[within]);
            net.fit(b);
            if (examples != null) {
                examples[0] += b.numExamples();
            }
        }
        return done;
    }

    private static void shuffle(int[] perm, Random r) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    /** The training set in consecutive mini-batches (the last one may be smaller), one-hot labels. */
    static List<DataSet> batches(IdxImages d, int batch, int classes) {
        List<DataSet> out = new ArrayList<>();
        for (int from = 0; from < d.count(); from += batch) {
            int rows = Math.min(batch, d.count() - from);
            out.add(new DataSet(features(d, from, rows), oneHot(d, from, rows, classes)));
        }
        return out;
    }

    static INDArray features(IdxImages d, int from, int rows) {
        float[] x = new float[rows * d.inputs()];
        System.arraycopy(d.pixels(), from * d.inputs(), x, 0, x.length);
        return Nd4j.create(x, new long[] {rows, d.inputs()}, 'c');
    }

    private static INDArray oneHot(IdxImages d, int from, int rows, int classes) {
        float[] y = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            y[i * classes + d.labels()[from + i]] = 1f;
        }
        return Nd4j.create(y, new long[] {rows, classes}, 'c');
    }

    /** Accuracy on the first {@code n} test images: a check that the timed training learned. */
    private static double accuracy(MultiLayerNetwork net, IdxImages test, int n) {
        int right = 0;
        for (int from = 0; from < n; from += 500) {
            int rows = Math.min(500, n - from);
            INDArray predicted = net.output(features(test, from, rows)).argMax(1);
            for (int i = 0; i < rows; i++) {
                if (predicted.getInt(i) == test.labels()[from + i]) {
                    right++;
                }
            }
        }
        return right / (double) n;
    }

    private static void print(String key, Object value) {
        KeyValue.print(key, value);
    }

    /** Command-line options. */
    record Options(Workload workload, Path data, int warmup, int batches, int evaluate, long seed) {

        static final String USAGE = "usage: Dl4jBench --model mlp|lenet5 [--data DIR] [--warmup N] [--batches N] "
                + "[--evaluate N] [--seed N]\n  --data      MNIST-style IDX files (default "
                + "/usr/share/datasets/fashion-mnist)\n  --warmup    untimed mini-batches first (default: one pass "
                + "for mlp, 20 for lenet5)\n  --batches   timed mini-batches (default: two passes for mlp, 200 for "
                + "lenet5)\n  --evaluate  test images to check the accuracy on afterwards (default 2000; 0: none)";

        static Options parse(String[] args) {
            Workload w = null;
            Path data = Path.of("/usr/share/datasets/fashion-mnist");
            Integer warmup = null, batches = null;
            int evaluate = 2000;
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--model" -> w = switch (v) {
                        case "mlp" -> Workload.MLP;
                        case "lenet5" -> Workload.LENET5;
                        default -> throw new IllegalArgumentException("--model: mlp or lenet5, not '" + v + "'");
                    };
                    case "--data" -> data = Path.of(v);
                    case "--warmup" -> warmup = count(a, v);
                    case "--batches" -> batches = count(a, v);
                    case "--evaluate" -> evaluate = count(a, v);
                    case "--seed" -> seed = count(a, v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (w == null) {
                throw new IllegalArgumentException("--model is required");
            }
            int pass = (60_000 + w.batch - 1) / w.batch;
            return new Options(w, data, warmup != null ? warmup : w == Workload.MLP ? pass : 20,
                    batches != null ? batches : w == Workload.MLP ? 2 * pass : 200, evaluate, seed);
        }

        private static int count(String option, String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + ": a count >= 0, not '" + v + "'");
        }
    }
}
