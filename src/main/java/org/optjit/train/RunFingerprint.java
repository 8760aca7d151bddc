package org.optjit.train;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.optjit.Rule;
import org.optjit.train.checkpoint.Fingerprint;
import org.optjit.train.data.Dataset;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Model;

/** The {@link Fingerprint} of a training run: everything that decides its sequence of updates. */
final class RunFingerprint {

    /** How every model stores a weight matrix ({@link Model#parameterLayout}). */
    static final String MATRIX_ORDER = "out x in, row-major";

    private RunFingerprint() {
    }

    static Fingerprint of(Rule rule, Model network, Splits data, TrainConfig c) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("rule", "'" + rule.name() + "' " + Fingerprint.sha256(rule.source()));
        e.put("hyperparameters", c.hypers().toString());
        e.put("bias hyperparameters", c.biasHypers().toString());
        e.put("network", network.describe() + ", " + network.parameterCount() + " parameters");
        e.put("layout", network.parameterLayout(!c.biasHypers().isEmpty()).toString());
        // Checkpoints written before matrices were stored out x in lack this entry, so they are
        // refused by name even for a network whose matrices are all square.
        e.put("matrices", MATRIX_ORDER);
        e.put("data", describe(data.train()) + " / " + describe(data.validation()) + " / " + describe(data.test()));
        e.put("batch", c.batch().toString() + ", " + c.mix().cliName());
        e.put("seed", Long.toString(c.seed()));
        e.put("initialization", c.init().toString());
        e.put("rate control", c.rateControl().cliName() + " of " + c.controlledHyper());
        return new Fingerprint(e);
    }

    /** Name, shape and a content hash: preprocessing or a different subset shows up here. */
    private static String describe(Dataset d) {
        CRC32C crc = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(4 * d.inputs().length);
        b.asFloatBuffer().put(d.inputs());
        crc.update(b);
        if (d.labels() != null) {
            ByteBuffer l = ByteBuffer.allocate(4 * d.labels().length);
            l.asIntBuffer().put(d.labels());
            crc.update(l);
        }
        return d.name() + " " + d.size() + "x" + d.inputSize() + " crc32c:" + Long.toHexString(crc.getValue());
    }
}
