package org.optjit.codegen.vector;

import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.optjit.codegen.MethodEmitter;

/**
 * The parts of {@code jdk.incubator.vector} that generated code calls, as ASM types and
 * methods, and the few emission helpers built on them.
 *
 * <p>This class only names the API; it never loads it, so the compiler itself works (and
 * fails cleanly in {@link org.optjit.Kernel}) on a JVM started without the module.
 */
final class VectorApi {

    private static final String PKG = "jdk/incubator/vector/";

    static final Type FLOAT_VECTOR = Type.getObjectType(PKG + "FloatVector");
    static final Type INT_VECTOR = Type.getObjectType(PKG + "IntVector");
    static final Type VECTOR = Type.getObjectType(PKG + "Vector");
    static final Type MASK = Type.getObjectType(PKG + "VectorMask");
    static final Type SPECIES = Type.getObjectType(PKG + "VectorSpecies");
    static final Type OPERATORS = Type.getObjectType(PKG + "VectorOperators");
    static final Type UNARY = Type.getObjectType(PKG + "VectorOperators$Unary");
    static final Type BINARY = Type.getObjectType(PKG + "VectorOperators$Binary");
    static final Type ASSOCIATIVE = Type.getObjectType(PKG + "VectorOperators$Associative");
    static final Type COMPARISON = Type.getObjectType(PKG + "VectorOperators$Comparison");

    static final Type FLOAT_ARRAY = Type.getType(float[].class);

    static final Method FROM_ARRAY = new Method("fromArray", FLOAT_VECTOR,
            new Type[] {SPECIES, FLOAT_ARRAY, Type.INT_TYPE});
    static final Method INTO_ARRAY = new Method("intoArray", Type.VOID_TYPE,
            new Type[] {FLOAT_ARRAY, Type.INT_TYPE});
    static final Method BROADCAST = new Method("broadcast", FLOAT_VECTOR, new Type[] {SPECIES, Type.FLOAT_TYPE});
    static final Method LOOP_BOUND = new Method("loopBound", Type.INT_TYPE, new Type[] {Type.INT_TYPE});
    static final Method LENGTH = new Method("length", Type.INT_TYPE, new Type[0]);
    static final Method MASK_ALL = new Method("maskAll", MASK, new Type[] {Type.BOOLEAN_TYPE});

    private VectorApi() {
    }

    /** Pushes {@code FloatVector.SPECIES_PREFERRED}: a static final of a JDK class, so C2 folds it. */
    static void species(MethodEmitter m) {
        m.getStatic(FLOAT_VECTOR, "SPECIES_PREFERRED", SPECIES);
    }

    // Descriptors and methods built once: a compile emits hundreds of calls, and building
    // a descriptor string for each was a visible part of it.

    /** {@code FloatVector m()}: neg, abs, sqrt. */
    static final String UNARY_OP = Type.getMethodDescriptor(FLOAT_VECTOR);
    /** {@code FloatVector m(Vector)}: add, sub, mul, div, min, max. */
    static final String VECTOR_OP = Type.getMethodDescriptor(FLOAT_VECTOR, VECTOR);
    /** {@code FloatVector m(float)}: the same with a scalar operand, and broadcast. */
    static final String SCALAR_OP = Type.getMethodDescriptor(FLOAT_VECTOR, Type.FLOAT_TYPE);
    /** {@code FloatVector lanewise(Binary, Vector)}. */
    static final String LANEWISE_BINARY = Type.getMethodDescriptor(FLOAT_VECTOR, BINARY, VECTOR);
    private static final String LANEWISE_UNARY = Type.getMethodDescriptor(FLOAT_VECTOR, UNARY);
    private static final String BLEND = Type.getMethodDescriptor(FLOAT_VECTOR, VECTOR, MASK);
    private static final String BLEND_SCALAR = Type.getMethodDescriptor(FLOAT_VECTOR, Type.FLOAT_TYPE, MASK);
    private static final Method COMPARE_SCALAR = new Method("compare", MASK, new Type[] {COMPARISON, Type.FLOAT_TYPE});
    private static final Method COMPARE_VECTOR = new Method("compare", MASK, new Type[] {COMPARISON, VECTOR});
    private static final String MASK_OP = Type.getMethodDescriptor(MASK, MASK);
    static final Method MASK_NOT = new Method("not", MASK, new Type[0]);

    /**
     * Calls {@code FloatVector.name} of the {@code descriptor} ({@link #UNARY_OP},
     * {@link #VECTOR_OP}, ...), on the vector below the arguments.
     */
    static void floatOp(MethodEmitter m, String name, String descriptor) {
        m.invokeVirtual(FLOAT_VECTOR, new Method(name, descriptor));
    }

    /** Calls {@code FloatVector.compare(op, float)} with the comparison {@code op} and the float on the stack. */
    static void compareScalar(MethodEmitter m, String op, float operand) {
        m.getStatic(OPERATORS, op, COMPARISON);
        m.push(operand);
        m.invokeVirtual(FLOAT_VECTOR, COMPARE_SCALAR);
    }

    /** Calls {@code FloatVector.compare(op, Vector)}: the two vectors must be pushed around it by the caller. */
    static void compareVector(MethodEmitter m) {
        m.invokeVirtual(FLOAT_VECTOR, COMPARE_VECTOR);
    }

    /** {@code vector.blend(Vector, VectorMask)}. */
    static void blend(MethodEmitter m) {
        floatOp(m, "blend", BLEND);
    }

    /** {@code vector.blend(float, VectorMask)}: the mask must be on the stack above the float. */
    static void blendScalar(MethodEmitter m) {
        floatOp(m, "blend", BLEND_SCALAR);
    }

    /** {@code mask.name(other)} for {@code and}/{@code or}. */
    static void maskOp(MethodEmitter m, String name) {
        m.invokeVirtual(MASK, new Method(name, MASK_OP));
    }

    /** {@code vector.lanewise(VectorOperators.name)} for a unary operator. */
    static void lanewiseUnary(MethodEmitter m, String name) {
        m.getStatic(OPERATORS, name, UNARY);
        floatOp(m, "lanewise", LANEWISE_UNARY);
    }
}
