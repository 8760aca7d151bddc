package org.optjit.train;

import java.lang.reflect.Constructor;
import java.util.List;
import org.optjit.Rule;
import org.optjit.ir.Block;
import org.optjit.ir.Hyper;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.ir.StateVar;

/**
 * Rules for the trainer's tests. Until the front end parses rules, momentum is built here
 * directly as IR ({@code v = mu*v - lr*g; w += v}), the way the front end lowers it.
 * TEST DOUBLE: replace with {@code Rule.parse} once the front end lands.
 */
public final class TestRules {

    public static final String MOMENTUM = "hyper lr = 0.01\nhyper mu = 0.9\nstate v = 0\nv = mu*v - lr*g\nw += v\n";

    private TestRules() {
    }

    public static Rule momentum() {
        try {
            return Rule.parse(MOMENTUM, "momentum.opt");
        } catch (UnsupportedOperationException frontEndNotYetThere) {
            return handBuiltMomentum();
        }
    }

    private static Rule handBuiltMomentum() {
        Block prelude = new Block(List.of(Insn.leaf(Op.HYPER, 0), Insn.leaf(Op.HYPER, 1)),
                List.of(new Output(Output.Target.EXPORT, 0, 0), new Output(Output.Target.EXPORT, 1, 1)));
        Block body = new Block(List.of(
                Insn.leaf(Op.LOAD_W, 0), Insn.leaf(Op.LOAD_G, 0), Insn.leaf(Op.LOAD_S, 0),
                Insn.leaf(Op.UNIFORM, 0), Insn.leaf(Op.UNIFORM, 1),
                Insn.binary(Op.MUL, 4, 2), Insn.binary(Op.MUL, 3, 1), Insn.binary(Op.SUB, 5, 6),
                Insn.binary(Op.ADD, 0, 7)),
                List.of(new Output(Output.Target.STATE, 0, 7), new Output(Output.Target.WEIGHT, 0, 8)));
        Block init = new Block(List.of(Insn.constant(0)), List.of(new Output(Output.Target.STATE, 0, 0)));
        Program p = new Program("momentum", List.of(new Hyper("lr", 0, 0.01, true), new Hyper("mu", 1, 0.9, true)),
                List.of(new StateVar("v", 0, "0", true)), List.of(), List.of(), prelude, body,
                new Block(List.of(), List.of()), init);
        try {
            Constructor<Rule> c = Rule.class.getDeclaredConstructor(String.class, Program.class);
            c.setAccessible(true);
            return c.newInstance(MOMENTUM, p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
