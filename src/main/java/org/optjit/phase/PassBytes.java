package org.optjit.phase;

import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/** Memory traffic of a pass, for {@code explain}: 4 bytes per array element loaded or stored. */
final class PassBytes {

    private PassBytes() {
    }

    static int read(Block body) {
        int n = 0;
        for (Insn in : body.insns()) {
            if (in.op() == Op.LOAD_W || in.op() == Op.LOAD_G || in.op() == Op.LOAD_S) {
                n += 4;
            }
        }
        return n;
    }

    static int written(Block body) {
        int n = 0;
        for (Output o : body.outputs()) {
            if (o.target() != Output.Target.SCRATCH) {
                n += 4;
            }
        }
        return n;
    }
}
