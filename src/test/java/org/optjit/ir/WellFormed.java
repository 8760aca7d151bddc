package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

/** The structural promises of {@link Program}, checked on any lowered program. */
final class WellFormed {

    private WellFormed() {
    }

    static void check(Program p) {
        block(p.prelude(), true);
        block(p.body(), false);
        block(p.initPrelude(), true);
        block(p.init(), false);
        assertEquals(1, p.body().outputs().stream().filter(o -> o.target() == Output.Target.WEIGHT).count(),
                "w is stored exactly once");
        // Coarse states (per tensor, row, column, group) start at 0 or at a value of the init
        // prelude; every per-weight state is stored by the per-weight init.
        long perWeight = p.states().stream().filter(StateVar::perWeight).count();
        assertEquals(perWeight, p.init().outputs().size(), "init stores every per-weight state");
        Set<Integer> stored = new HashSet<>();
        for (Output o : p.body().outputs()) {
            if (o.target() == Output.Target.STATE) {
                assertTrue(stored.add(o.slot()), "state " + o.slot() + " stored once");
            }
        }
        long uniforms = p.body().insns().stream()
                .filter(i -> i.op() == Op.UNIFORM || i.op() == Op.UNIFORM_BOOL).count();
        assertEquals(p.uniformCount(), uniforms, "export slots are dense and each is read once");
    }

    private static void block(Block b, boolean scalar) {
        Set<Insn> leaves = new HashSet<>();
        for (int i = 0; i < b.size(); i++) {
            Insn in = b.insn(i);
            for (int k = 0; k < 3; k++) {
                int operand = in.operand(k);
                if (k < in.op().arity()) {
                    assertTrue(operand >= 0 && operand < i, "operand " + k + " of " + i + " comes before it");
                    Op.Type want = wanted(in.op(), k);
                    assertEquals(want, b.insn(operand).op().type(), "operand " + k + " of " + in);
                } else {
                    assertEquals(-1, operand);
                }
            }
            boolean perWeightLeaf = in.op() == Op.LOAD_W || in.op() == Op.LOAD_G || in.op() == Op.LOAD_S
                    || in.op() == Op.UNIFORM || in.op() == Op.UNIFORM_BOOL;
            boolean scalarLeaf = in.op() == Op.HYPER || in.op() == Op.STEP;
            assertFalse(scalar ? perWeightLeaf : scalarLeaf, in + " in the wrong block");
            if (in.op().arity() == 0 && in.op() != Op.CONST) {
                assertTrue(leaves.add(in), "each leaf (load, uniform) appears once: " + in);
            }
            if (!scalar && in.op() == Op.CONST) {
                assertEquals((double) (float) in.value(), in.value(), "body constants are floats");
            }
        }
    }

    private static Op.Type wanted(Op op, int k) {
        if (op == Op.SELECT) {
            return k == 0 ? Op.Type.BOOL : Op.Type.NUM;
        }
        return op.isLogic() ? Op.Type.BOOL : Op.Type.NUM;
    }
}
