package org.optjit.search.spark;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.optjit.search.evolve.Evaluator;
import org.optjit.search.fitness.FitnessSpec;
import org.optjit.search.fitness.Score;

/**
 * Scores candidates as Spark tasks: each task compiles its rule on the executor and trains
 * it there on data generated from the seed (MLlib's {@code GradientDescent} pattern: the
 * driver owns the loop, executors do pure work). {@code collect} returns results in task
 * order, so completion order decides nothing; a lost executor's tasks are re-run by Spark on a
 * cluster ({@code spark.task.maxFailures}, 4 by default; in local mode write
 * {@code local[N,F]} for F attempts) and, being pure, give the same scores.
 */
public final class SparkEvaluator implements Evaluator {

    /** Tasks per core and job: a few, so a slow task does not hold up a generation. */
    private static final int SLICES_PER_CORE = 4;

    private final JavaSparkContext spark;
    private final FitnessSpec spec;

    public SparkEvaluator(JavaSparkContext spark, FitnessSpec spec) {
        this.spark = spark;
        this.spec = spec;
    }

    /** A Spark context for {@code master} (local[*], local[2], spark://host:7077, ...). */
    public static JavaSparkContext connect(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("optjit search")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // executors of a cluster need the search's classes and the core's (with ANTLR and ASM)
            conf.setJars(jarsOf(SparkEvaluator.class, org.optjit.Rule.class, org.antlr.v4.runtime.Parser.class,
                    org.objectweb.asm.ClassWriter.class, org.objectweb.asm.commons.GeneratorAdapter.class,
                    org.objectweb.asm.tree.ClassNode.class, org.objectweb.asm.util.CheckClassAdapter.class,
                    org.objectweb.asm.tree.analysis.Analyzer.class));
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("ERROR");
        return sc;
    }

    /** The jar files (or class directories) the classes were loaded from, each once. */
    private static String[] jarsOf(Class<?>... classes) {
        return java.util.Arrays.stream(classes)
                .map(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath())
                .distinct().toArray(String[]::new);
    }

    @Override
    public List<Score> evaluate(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        FitnessSpec s = spec;
        int slices = Math.min(tasks.size(), spark.defaultParallelism() * SLICES_PER_CORE);
        return spark.parallelize(tasks, slices).map(t -> s.score(t.source(), t.steps())).collect();
    }

    @Override
    public String describe() {
        return "Spark " + spark.version() + ", master " + spark.master() + " (" + spark.defaultParallelism() + " cores)";
    }

    @Override
    public void close() {
        spark.stop();
    }
}
