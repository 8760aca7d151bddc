package org.optjit.codegen;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Inspects generated class files: instruction counts, to check the loop's memory traffic
 * (each array element of a weight is loaded at most once and stored at most once, issue
 * 2, so an unsplit {@code run} holds exactly one FALOAD per live load of the body, plus
 * one per uniform before the loop, and one FASTORE per output), and each method's code
 * length ({@link CodeLengths}).
 */
public final class Bytecode {

    private Bytecode() {
    }

    /** {@code code_length} of every method, by name. */
    public static java.util.Map<String, Integer> codeLengths(byte[] classFile) {
        return CodeLengths.of(classFile);
    }

    /** The number of instructions with {@code opcode} in {@code run}: the one with the loop, with {@code origin}. */
    static int count(byte[] classFile, int opcode) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        MethodNode run = node.methods.stream()
                .filter(m -> m.name.equals("run") && m.desc.equals(KernelClassWriter.ORIGIN_RUN_DESCRIPTOR))
                .findFirst().orElseThrow();
        int n = 0;
        for (AbstractInsnNode insn : run.instructions) {
            n += insn.getOpcode() == opcode ? 1 : 0;
        }
        return n;
    }

    /** The FALOADs {@code run} must contain: live loads of the body plus uniforms read. */
    static int expectedLoads(Program p) {
        BodyInfo info = BodyInfo.of(p.body());
        int n = info.uniforms().cardinality() + info.boolUniforms().cardinality();
        for (int i = 0; i < p.body().size(); i++) {
            Insn in = p.body().insn(i);
            if (info.isLive(i) && (in.op() == Op.LOAD_W || in.op() == Op.LOAD_G || in.op() == Op.LOAD_S)) {
                n++;
            }
        }
        return n;
    }

    /** The access counts of an unsplit kernel (a split one also reads and writes its scratch array). */
    static void assertLoadsAndStoresOnce(Program p, byte[] classFile) {
        if (codeLengths(classFile).containsKey("part0")) {
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(expectedLoads(p), count(classFile, Opcodes.FALOAD), "loads");
        org.junit.jupiter.api.Assertions.assertEquals(p.body().outputs().size(), count(classFile, Opcodes.FASTORE),
                "stores");
    }
}
