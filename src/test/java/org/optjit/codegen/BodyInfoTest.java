package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/** The analysis every emitter starts from: liveness, use counts, types, malformed bodies. */
class BodyInfoTest {

    @Test
    void deadCodeIsNotLiveAndNotCounted() {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int dead = b.binary(Op.MUL, g, b.state(1));
        int x = b.binary(Op.ADD, g, g);
        b.storeW(x);
        BodyInfo info = BodyInfo.of(b.build("dead", 2, 0).body());
        assertFalse(info.isLive(dead));
        assertEquals(2, info.uses(g), "the dead MUL's use does not count");
        assertEquals(2, info.liveCount());
        assertTrue(info.states().isEmpty(), "state 1 is read only by dead code");
    }

    @Test
    void truthValuesAreTracked() {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int c = b.binary(Op.LT, g, b.constant(0));
        int n = b.unary(Op.NOT, c);
        b.storeW(b.select(n, g, b.constant(1)));
        BodyInfo info = BodyInfo.of(b.build("bools", 0, 0).body());
        assertTrue(info.isBool(c) && info.isBool(n));
        assertFalse(info.isBool(g));
    }

    @Test
    void malformedBodiesAreRejectedBeforeEmission() {
        assertMalformed(b -> b.storeW(b.binary(Op.ADD, b.g(), b.binary(Op.LT, 0, 0))), "should be a number");
        assertMalformed(b -> b.storeW(b.select(b.g(), 0, 0)), "should be a truth value");
        assertMalformed(b -> b.storeW(b.add(Insn.binary(Op.ADD, 0, 5))), "not an earlier instruction");
        assertMalformed(b -> b.storeW(b.add(Insn.leaf(Op.HYPER, 0))), "prelude operation");
        assertMalformed(b -> b.storeW(b.binary(Op.GT, b.g(), b.g())), "does not store a number");
    }

    private static void assertMalformed(java.util.function.Consumer<IrBuilder> body, String problem) {
        IrBuilder b = new IrBuilder();
        body.accept(b);
        Program p = b.build("bad", 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScalarCompiler().compile(p));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
