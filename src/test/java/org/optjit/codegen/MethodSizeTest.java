package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.optjit.RuleException;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Large bodies: beyond what any class can hold, a clear {@link RuleException}, never
 * {@code MethodTooLargeException} or {@code VerifyError}; below that, split into methods
 * that verify, stay JIT-compilable and compute the right thing.
 */
class MethodSizeTest {

    private static final String TOO_LARGE = "rule 'big' is too large to compile for the SCALAR backend: its per-weight"
            + " body has %d operations; the JVM limits one method to 64 KiB of bytecode; the INTERPRETER backend"
            + " can run it";

    /** A chain x = x*g + c of {@code n} steps; with {@code twice} every step is used twice. */
    private static Program chain(int n, boolean twice) {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int x = b.w();
        for (int k = 0; k < n; k++) {
            int y = b.binary(Op.ADD, b.binary(Op.MUL, x, g), b.constant(k));
            x = twice ? b.binary(Op.MUL, y, y) : y;
        }
        b.storeW(x);
        return b.build("big", 0, 0);
    }

    @Test
    void aBodyWithMoreOperationsThanBytesIsRejectedBeforeEmission() {
        Program p = chain(40_000, false);
        RuleException e = assertThrows(RuleException.class, () -> new ScalarCompiler().compile(p));
        assertEquals(String.format(TOO_LARGE, 120_002), e.getMessage());
    }

    /**
     * Fewer operations than 65,535 but far more than 64 KiB of bytecode: split into parts,
     * each small enough for HotSpot to JIT-compile (8,000 bytes, -XX:HugeMethodLimit).
     */
    @Test
    void aBodyTooLargeForOneMethodIsSplitIntoParts() {
        Program p = chain(12_000, true);
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertEquals("", KernelClasses.verify(k.classFile()));
        Map<String, Integer> lengths = Bytecode.codeLengths(k.classFile());
        assertTrue(lengths.size() > 100, "parts: " + lengths.keySet());
        lengths.forEach((name, length) -> assertTrue(length < 8000, name + " has " + length + " bytes"));
        Differential.assertAgreeOnRandomData("split", p, k.kernel(), new Random(2), 20);
    }

    /** A select whose branch is one tree of 9,000 distinct literals: cut into statements and parts. */
    @Test
    void largeTreesAreCut() {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int w = b.w();
        int tree = balancedSum(b, 0, 9_000);
        int r = b.select(b.binary(Op.GT, g, b.constant(0)), b.binary(Op.MUL, tree, g), w);
        b.storeW(r);
        Program p = b.build("wide", 0, 0);
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertEquals("", KernelClasses.verify(k.classFile()));
        Bytecode.codeLengths(k.classFile()).forEach((name, length) -> assertTrue(length < 8000, name + ": " + length));
        Differential.assertAgreeOnRandomData("wide", p, k.kernel(), new Random(3), 40);
    }

    private static int balancedSum(IrBuilder b, int from, int to) {
        if (to - from == 1) {
            return b.constant(1.0 / (from + 3));
        }
        int mid = (from + to) >>> 1;
        return b.binary(Op.ADD, balancedSum(b, from, mid), balancedSum(b, mid, to));
    }

    /** A chain longer than the tree-depth limit is cut into statements: the stack stays small. */
    @Test
    void deepChainsAreCutIntoStatements() {
        IrBuilder b = new IrBuilder();
        int x = b.g();
        for (int k = 0; k < 10_000; k++) {
            x = b.binary(Op.SUB, b.constant(0.5), x); // right-leaning: each step deepens the stack
        }
        b.storeW(x);
        Program p = b.build("deep", 0, 0);
        GeneratedKernel k = new ScalarCompiler().compile(p);
        ClassNode node = new ClassNode();
        new ClassReader(k.classFile()).accept(node, 0);
        MethodNode run = node.methods.stream()
                .filter(m -> m.name.equals("run") && m.desc.equals(KernelClassWriter.ORIGIN_RUN_DESCRIPTOR))
                .findFirst().orElseThrow();
        assertTrue(run.maxStack < 100, "max stack " + run.maxStack);
        Differential.assertAgreeOnRandomData("deep", p, k.kernel(), new Random(4), 16);
    }
}
