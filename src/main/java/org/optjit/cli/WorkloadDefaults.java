package org.optjit.cli;

import java.util.Map;
import org.optjit.train.BatchSize;
import org.optjit.train.data.DataSources;
import org.optjit.train.model.TransformerShape;

/**
 * What a data set brings with it when the user does not say otherwise: its model, batch,
 * epochs, transformer shape and hyperparameter values (applied to a rule that has them,
 * under the user's {@code --set}).
 *
 * <ul>
 *   <li>{@code modular-addition}: the configuration of Power et al. 2022 as issue 9 gives
 *       it: a 1-block transformer of width 128, 4 heads, MLP 512; mini-batches of 512;
 *       AdamW's {@code weight_decay = 1} and {@code beta2 = 0.98}.</li>
 *   <li>{@code text:FILE}: a 2-block transformer of width 128, 4 heads, context 64,
 *       mini-batches of 32.</li>
 *   <li>anything else with {@code --model lenet5}: mini-batches of 64 (DL4J's LeNet example).</li>
 * </ul>
 *
 * @param model       the model when --model is not given (null: the command's)
 * @param batch       the mini-batch (null: the command's)
 * @param epochs      epochs (0: the command's)
 * @param transformer the transformer's shape
 * @param hypers      hyperparameter values for rules that have them
 */
record WorkloadDefaults(ModelKind model, BatchSize batch, int epochs, TransformerShape transformer,
                        Map<String, Double> hypers) {

    static final TransformerShape GROKKING = new TransformerShape(1, 128, 4, 3, 512);
    static final TransformerShape TEXT = new TransformerShape(2, 128, 4, DataSources.DEFAULT_CONTEXT, 512);

    static WorkloadDefaults of(String data, ModelKind chosen) {
        if (data.equals("modular-addition")) {
            return new WorkloadDefaults(ModelKind.TRANSFORMER, BatchSize.of(512), 150, GROKKING,
                    Map.of("weight_decay", 1.0, "beta2", 0.98));
        }
        if (data.startsWith(DataSources.TEXT_PREFIX)) {
            return new WorkloadDefaults(ModelKind.TRANSFORMER, BatchSize.of(32), 5, TEXT, Map.of());
        }
        if (chosen == ModelKind.LENET5) {
            return new WorkloadDefaults(null, BatchSize.of(64), 0, TEXT, Map.of());
        }
        return new WorkloadDefaults(null, null, 0, TEXT, Map.of());
    }
}
