package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the lowering promises: hoisting, folding, CSE, powers, dead code, loads and stores. */
class LoweringTest {

    private static Program lower(String source) {
        Program p = FrontEnd.compile(source, "t.opt");
        WellFormed.check(p);
        return p;
    }

    private static long count(Block b, Op op) {
        return b.insns().stream().filter(i -> i.op() == op).count();
    }

    @Test
    void rmspropLoadsEachArrayOnceAndHoistsOneMinusDecay() {
        Program p = lower("hyper lr = 0.001, decay = 0.9, delta = 1e-8\n"
                + "ms = decay*ms + (1 - decay)*g^2\nw -= lr * g / (sqrt(ms) + delta)\n");
        assertEquals(1, count(p.body(), Op.LOAD_W));
        assertEquals(1, count(p.body(), Op.LOAD_G));
        assertEquals(1, count(p.body(), Op.LOAD_S));
        assertEquals(12, p.bytesReadPerWeight());
        assertEquals(8, p.bytesWrittenPerWeight());
        assertEquals(1, count(p.prelude(), Op.SUB), "1 - decay is computed once per step");
        assertEquals(1, count(p.body(), Op.SUB), "the only per-weight SUB is w - ...");
        assertEquals(4, p.uniformCount(), "decay, 1 - decay, lr, delta");
        assertEquals("t", p.name());
    }

    @Test
    void commonSubexpressionsAreComputedOnce() {
        Program p = lower("w -= g*g + g*g");
        assertEquals(2, count(p.body(), Op.MUL) + count(p.body(), Op.ADD));
    }

    @Test
    void constantsFoldInDoubleAndCrossAsFloats() {
        Program p = lower("w -= (2 + 3) * g\nw -= (1 - 0.9) * g");
        assertEquals(0, count(p.body(), Op.ADD));
        List<Double> consts = p.body().insns().stream().filter(i -> i.op() == Op.CONST).map(Insn::value).toList();
        assertEquals(List.of(5.0, (double) (float) (1.0 - 0.9)), consts);
        assertEquals(0, p.prelude().size());
    }

    @Test
    void smallIntegerPowersAreMultipliesAndHalfIsASquareRoot() {
        Program cube = lower("w = g^3");
        assertEquals(2, count(cube.body(), Op.MUL));
        assertEquals(0, count(cube.body(), Op.POW));
        Insn last = cube.body().insn(cube.body().size() - 1);
        assertEquals(Op.MUL, cube.body().insn(last.a()).op(), "(g*g)*g, from the left");
        assertEquals(1, count(lower("w = g^0.5").body(), Op.SQRT));
        assertEquals(1, count(lower("w = g^5").body(), Op.POW));
        assertEquals(1, count(lower("w = g^lr").body(), Op.POW));
    }

    @Test
    void deadTemporariesAndUnchangedStateAreDropped() {
        Program p = lower("x = g * 3\nstate m = w\nv = v\nw -= g + m + v");
        assertEquals(0, count(p.body(), Op.MUL));
        assertEquals(List.of("x"), p.temporaries());
        assertEquals(1, p.body().outputs().size(), "only w is stored: m and v are unchanged");
    }

    @Test
    void stepScalarsLiveInThePrelude() {
        Program p = lower("c = 1 - b1^t\nw -= c * g");
        assertEquals(1, p.stepScalars().size());
        StepScalar c = p.stepScalars().get(0);
        assertEquals("c", c.name());
        assertEquals("1 - b1^t", c.source());
        assertEquals(Op.SUB, p.prelude().insn(c.value()).op());
        assertEquals(1, count(p.prelude(), Op.STEP));
        assertEquals(1, count(p.body(), Op.UNIFORM));
    }

    @Test
    void ifConversionSelectsAndKeepsUnassignedState() {
        Program p = lower("if g > 0 { s = s + 1 }\nw += s");
        Output store = p.body().outputs().stream().filter(o -> o.target() == Output.Target.STATE).findFirst()
                .orElseThrow();
        Insn select = p.body().insn(store.value());
        assertEquals(Op.SELECT, select.op());
        assertEquals(Op.GT, p.body().insn(select.a()).op());
        assertEquals(Op.LOAD_S, p.body().insn(select.c()).op(), "the other path keeps the loaded value");
    }

    @Test
    void aConditionOnTAloneIsDecidedInThePrelude() {
        Program p = lower("if t > 1 { c = lr } else { c = 2 * lr }\nw -= c * g");
        assertEquals(1, count(p.prelude(), Op.SELECT));
        assertEquals(0, count(p.body(), Op.SELECT));
        Program q = lower("if t > 1 { s = s * 2 }\nw -= s");
        assertEquals(1, count(q.body(), Op.UNIFORM_BOOL), "a uniform condition selecting per-weight values");
    }

    @Test
    void hyperDefaultsFoldInDoubleAndInitialStateIsLowered() {
        Program p = lower("hyper lr = 2^-3 * 3, mu\nstate slow = w, k = lr * 2, z\nw = slow + k + z + mu");
        assertEquals(0.375, p.hypers().get(0).defaultValue());
        assertEquals(null, p.hypers().get(1).defaultValue());
        assertEquals(List.of("w", "lr * 2", "0"), p.states().stream().map(StateVar::initSource).toList());
        assertEquals(1, count(p.init(), Op.LOAD_W));
        assertEquals(1, count(p.initPrelude(), Op.MUL));
        assertEquals(1, p.initUniformCount());
    }
}
