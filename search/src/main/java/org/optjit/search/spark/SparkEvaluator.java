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

    /**
     * A Spark context for {@code master} (local[*], local[2], spark://host:7077, ...). On a
     * cluster the executors are sent the search's jar and its libraries ({@link ApplicationJars}).
     *
     * @throws ClusterException when Spark does not know the master URL, or the master is a
     *     cluster's and the search does not run from its jar
     */
    public static JavaSparkContext connect(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("optjit search")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            conf.setJars(ApplicationJars.of(SparkEvaluator.class).toArray(String[]::new));
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) {
            // a SparkException (a master URL Spark does not know, ...), unchecked in Java
            if (e instanceof org.apache.spark.SparkException) {
                throw new ClusterException(e.getMessage(), e);
            }
            throw e;
        }
        sc.setLogLevel("ERROR");
        return sc;
    }

    @Override
    public List<Score> evaluate(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        FitnessSpec s = spec;
        int slices = Math.min(tasks.size(), spark.defaultParallelism() * SLICES_PER_CORE);
        try {
            return spark.parallelize(tasks, slices).map(t -> s.score(t.source(), t.steps())).collect();
        } catch (Exception e) {
            if (spark.sc().isStopped()) {
                // a standalone master that cannot be reached is given up after a minute and the
                // context stopped, failing the job that waited for executors
                throw new ClusterException("Spark stopped the search's application (master " + spark.master()
                        + "): the master could not be reached or ended the application", e);
            }
            throw e;
        }
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
