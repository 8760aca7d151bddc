package org.optjit.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.optjit.Kernel;
import org.optjit.OptimizerState;
import org.optjit.train.checkpoint.Checkpoint;
import org.optjit.train.checkpoint.CheckpointException;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.checkpoint.Fingerprint;
import org.optjit.train.checkpoint.Position;
import org.optjit.train.control.RateControl;
import org.optjit.train.control.RateController;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Evaluation;
import org.optjit.train.model.Model;

/**
 * The mini-batch training loop: one compiled rule updates all weights and biases of a
 * network (one flat array) from the gradient of one mini-batch per step, with the
 * tricks of lecture 6a/6b around it: a seeded shuffle per epoch ({@link BatchOrder}),
 * parameter groups ({@link GroupedOptimizer}), learning-rate control on the validation
 * error ({@link RateController}), early stopping, divergence detection and checkpoints
 * from which {@link #resume} continues bit-identically.
 *
 * <p>Order of work at the end of an epoch: evaluate, update the controller and early
 * stopping, checkpoint, then write the metrics files from the (checkpointed) history.
 */
public final class Trainer {

    private final Kernel kernel;
    private final Model network;
    private final Splits data;
    private final TrainConfig config;
    private final CheckpointStore store;
    private final Path metricsDir;
    private final Fingerprint fingerprint;
    private final GroupedOptimizer optimizer;
    private final BatchOrder order;

    // The run's state: exactly what a checkpoint holds.
    private final float[] params;
    private final OptimizerState state;
    private final RateController controller;
    private final EarlyStopping stopping;
    private final List<EpochMetrics> history = new ArrayList<>();
    private Position position = Position.START;
    private BestWeights best; // only with restoreBest()
    private StepLog stepLog; // only with logEvery()

    /**
     * @param store      where checkpoints go, or null for none
     * @param metricsDir where metrics files go, or null for none
     */
    public Trainer(Kernel kernel, Model network, Splits data, TrainConfig config, CheckpointStore store, Path metricsDir) {
        this.kernel = kernel;
        this.network = network;
        this.data = data;
        // The controlled hyperparameter is resolved once, here, so that the fingerprint, the
        // checks and the metrics all name the same one.
        this.config = config.withRateControl(config.rateControl(), LearningRate.of(kernel.rule(), config.controlledHyper()));
        this.store = store;
        this.metricsDir = metricsDir;
        this.fingerprint = RunFingerprint.of(kernel.rule(), network, data, this.config);
        this.params = new float[network.parameterCount()];
        this.optimizer = new GroupedOptimizer(kernel, config.hypers(), config.biasHypers(),
                network.parameterLayout(!config.biasHypers().isEmpty()), config.threads());
        if (config.rateControl() != RateControl.NONE) {
            optimizer.requireHyper(this.config.controlledHyper(), config.rateControl().cliName() + " rate control"
                    + (config.controlledHyper() == null ? " (" + LearningRate.DEFAULT_DESCRIPTION + ")" : ""));
        }
        this.order = new BatchOrder(config.seed(), data.train().size(), config.batch(),
                config.mix() == BatchMix.BALANCED && data.train().isClassification() ? data.train().labels() : null);
        this.controller = config.rateControl().newController();
        this.stopping = new EarlyStopping(config.earlyStopping());
        network.setThreads(config.threads());
        network.initialize(params, config.init(), new Rng(config.seed()));
        this.state = optimizer.newState(params);
    }

    /**
     * The weights validation and test errors are measured on: the rule's evaluation weights
     * ({@code evaluate e}: an average, Schedule-Free's x), else the trained weights.
     */
    private float[] evaluationWeights() {
        if (!optimizer.hasEvalWeights()) {
            return params;
        }
        float[] out = new float[params.length];
        optimizer.evalWeights(params, state, out);
        return out;
    }

    /**
     * Report the figures of the epoch with the lowest validation error and end with its
     * weights (not the last epoch's). Call before {@link #resume} and {@link #train}.
     */
    public Trainer restoreBest() {
        this.best = new BestWeights(store == null ? null : store.file().resolveSibling(BestWeights.FILE_NAME));
        return this;
    }

    /**
     * Writes step-level metrics and optimizer diagnostics every {@code steps} steps into the
     * metrics directory ({@link StepLog}), one range per parameter group. Call before
     * {@link #resume} and {@link #train}.
     */
    public Trainer logEvery(int steps) {
        if (metricsDir == null) {
            throw new IllegalStateException("step logs need a metrics directory");
        }
        List<org.optjit.train.diagnostics.NamedRange> ranges = network.groups().stream()
                .map(g -> new org.optjit.train.diagnostics.NamedRange(g.name(), g.from(), g.to())).toList();
        this.stepLog = new StepLog(metricsDir, steps, new org.optjit.train.diagnostics.StepDiagnostics(kernel, ranges));
        return this;
    }

    /** The hyperparameter the rate controller adjusts: the configured one, or the rule's learning rate. */
    public String controlledHyper() {
        return config.controlledHyper();
    }

    /** The fingerprint a checkpoint must carry to be resumed by this trainer. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The current weights (live). */
    public float[] params() {
        return params;
    }

    /**
     * Replaces the fresh state by a checkpoint's. Everything is checked before anything is
     * copied: a checkpoint from another run, or with arrays that do not fit, is refused whole.
     */
    public void resume(Checkpoint c) {
        List<String> diff = c.fingerprint().differences(fingerprint);
        if (!diff.isEmpty()) {
            throw new CheckpointException("the checkpoint belongs to a different run:\n  " + String.join("\n  ", diff));
        }
        Checkpoint.OptimizerSnapshot o = c.optimizer();
        List<String> names = state.names();
        boolean fits = c.params().length == params.length && o.arrays().size() == names.size()
                && o.ruleName().equals(state.ruleName()) && c.seed() == config.seed();
        for (int i = 0; fits && i < names.size(); i++) {
            fits = o.arrays().get(i).name().equals(names.get(i))
                    && o.arrays().get(i).values().length == state.array(names.get(i)).length;
        }
        if (!fits || c.position().stepInEpoch() >= order.stepsPerEpoch() || c.position().step() != o.t()) {
            throw new CheckpointException("the checkpoint does not fit this run (its arrays or position"
                    + " disagree with the network and rule although the fingerprint matches)");
        }
        System.arraycopy(c.params(), 0, params, 0, params.length);
        for (int i = 0; i < names.size(); i++) {
            float[] into = state.array(names.get(i));
            System.arraycopy(o.arrays().get(i).values(), 0, into, 0, into.length);
        }
        state.setT(o.t());
        controller.restore(c.controller());
        stopping.restore(c.stopping());
        history.clear();
        history.addAll(c.history());
        position = c.position();
        if (best != null) {
            best.load(stopping.bestEpoch(), params.length);
        }
        applyRate();
    }

    private void applyRate() {
        if (config.rateControl() != RateControl.NONE) {
            optimizer.scale(config.controlledHyper(), controller.scale());
        }
    }

    /** Trains from the current position to the last epoch (or early stop). */
    public TrainResult train(TrainListener listener) {
        float[] grad = new float[params.length];
        int steps = order.stepsPerEpoch();
        listener.started(config.epochs(), steps, position.epoch(), position.stepInEpoch());
        if (stepLog != null) {
            stepLog.start(position.step());
        }
        boolean stop = stoppedBefore();
        while (!stop && position.epoch() <= config.epochs()) {
            int epoch = position.epoch();
            int[] rows = order.permutation(epoch);
            double lossSum = position.lossSum();
            double seconds = position.seconds();
            long step = position.step();
            for (int s = position.stepInEpoch(); s < steps; s++) {
                long start = System.nanoTime();
                double loss = network.lossAndGradient(params, grad, data.train(), rows, order.from(s), order.to(s));
                step++;
                if (!Double.isFinite(loss)) {
                    throw diverged(step, epoch, "the loss is " + loss);
                }
                boolean log = stepLog != null && stepLog.due(step);
                if (log) {
                    long diagnosing = System.nanoTime();
                    stepLog.diagnostics().before(params, grad, state, i -> optimizer.optimizer());
                    start += System.nanoTime() - diagnosing; // not training time
                }
                optimizer.step(params, grad, state);
                checkWeights(step, epoch);
                seconds += (System.nanoTime() - start) * 1e-9;
                if (log) {
                    stepLog.record(epoch, step, (long) (epoch - 1) * data.train().size() + order.to(s),
                            seconds + history.stream().mapToDouble(EpochMetrics::seconds).sum(), loss,
                            stepLog.diagnostics().after(params, state));
                }
                lossSum += loss;
                listener.stepped(epoch, s + 1, step, loss);
                if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0 && s + 1 < steps) {
                    position = new Position(epoch, s + 1, step, lossSum, seconds);
                    checkpoint(listener);
                }
            }
            double rate = optimizer.value(config.controlledHyper());
            float[] evaluated = evaluationWeights();
            Evaluation val = network.evaluate(evaluated, data.validation());
            Evaluation test = network.evaluate(evaluated, data.test());
            EpochMetrics m = new EpochMetrics(epoch, step, lossSum / steps, val.loss(), val.error(), test.error(), seconds, rate);
            history.add(m);
            RateController.Adjustment adj = controller.observe(val.error());
            applyRate();
            stop = stopping.observe(epoch, val.error()) && epoch < config.epochs();
            if (best != null && stopping.bestEpoch() == epoch) {
                best.save(epoch, params);
            }
            position = new Position(epoch + 1, 0, step, 0.0, 0.0);
            checkpoint(listener);
            if (metricsDir != null) {
                MetricsFiles.write(metricsDir, history);
            }
            listener.epochEnded(m, adj, rate);
        }
        if (best != null && best.weights() != null) {
            System.arraycopy(best.weights(), 0, params, 0, params.length);
            return new TrainResult(history, params.clone(), stop, stopping.bestEpoch(), best.epoch());
        }
        int last = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        return new TrainResult(history, params.clone(), stop, stopping.bestEpoch(), last);
    }

    /** Whether there is nothing left to train: every epoch done, or early stopping fired. */
    public boolean finished() {
        return position.epoch() > config.epochs() || stoppedBefore();
    }

    /** A resumed run whose early stopping had already fired does not start again. */
    private boolean stoppedBefore() {
        return config.earlyStopping() > 0 && stopping.state().sinceBest() >= config.earlyStopping();
    }

    private void checkWeights(long step, int epoch) {
        int i = org.optjit.runtime.Finite.firstNonFinite(params);
        if (i >= 0) {
            throw diverged(step, epoch, "weight " + i + " became " + params[i]);
        }
    }

    private DivergenceException diverged(long step, int epoch, String what) {
        String kept = store != null && store.exists() ? "; the last good checkpoint is kept in " + store.file()
                : store != null ? "; no checkpoint had been written yet" : "";
        return new DivergenceException("training diverged at step " + step + " (epoch " + epoch + "): " + what
                + "; rule " + optimizer.describe() + kept + ". Try a smaller learning rate.", step);
    }

    private void checkpoint(TrainListener listener) {
        if (store == null) {
            return;
        }
        List<Checkpoint.NamedArray> arrays = new ArrayList<>();
        for (String name : state.names()) {
            arrays.add(new Checkpoint.NamedArray(name, state.array(name).clone()));
        }
        store.save(new Checkpoint(fingerprint, config.seed(), position, params.clone(),
                new Checkpoint.OptimizerSnapshot(state.ruleName(), state.t(), arrays),
                controller.state(), stopping.state(), history));
        listener.checkpointed(store.file(), position.step());
    }
}
