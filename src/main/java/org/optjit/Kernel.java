package org.optjit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.codegen.vector.VectorCompiler;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Hyper;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;
import org.optjit.sema.Names;

/**
 * A rule compiled for one backend. Immutable and thread-safe; bind it to hyperparameter
 * values to get an {@link Optimizer}.
 */
public final class Kernel {

    private final Rule rule;
    private final Backend backend;
    private final LoopKernel loop;
    private final byte[] classFile;

    private Kernel(Rule rule, Backend backend, LoopKernel loop, byte[] classFile) {
        this.rule = rule;
        this.backend = backend;
        this.loop = loop;
        this.classFile = classFile;
    }

    static Kernel compile(Rule rule, Backend requested) {
        Backend backend = requested == Backend.AUTO ? autoBackend() : requested;
        Program p = rule.program();
        switch (backend) {
            case INTERPRETER:
                return new Kernel(rule, backend, new Interpreter(p.body()), null);
            case SCALAR: {
                GeneratedKernel k = new ScalarCompiler().compile(p);
                return new Kernel(rule, backend, k.kernel(), k.classFile());
            }
            case VECTOR: {
                if (!vectorAvailable()) {
                    throw new RuleException("the VECTOR backend needs the jdk.incubator.vector module:"
                            + " start the JVM with --add-modules jdk.incubator.vector (the launcher bin/optjit does)");
                }
                GeneratedKernel k = new VectorCompiler().compile(p);
                return new Kernel(rule, backend, k.kernel(), k.classFile());
            }
            default:
                throw new IllegalArgumentException("backend " + requested);
        }
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** What {@link Backend#AUTO} picks in this JVM: VECTOR when the module is present. */
    public static Backend autoBackend() {
        return vectorAvailable() ? Backend.VECTOR : Backend.SCALAR;
    }

    public Rule rule() {
        return rule;
    }

    /** The backend actually used (never AUTO). */
    public Backend backend() {
        return backend;
    }

    /** The generated class file, or {@code null} for the interpreter. */
    public byte[] classFile() {
        return classFile == null ? null : classFile.clone();
    }

    LoopKernel loop() {
        return loop;
    }

    /**
     * Binds hyperparameter values. Values not given take the rule's defaults.
     *
     * @throws RuleException naming every unknown name (with "did you mean") and every
     *     hyperparameter that has no default and no value
     */
    public Optimizer bind(Map<String, ? extends Number> values) {
        Program p = rule.program();
        double[] hypers = new double[p.hypers().size()];
        List<String> problems = new ArrayList<>();
        for (String name : values.keySet()) {
            if (slotOf(p, name) < 0) {
                problems.add("unknown hyperparameter '" + name + "'" + Names.didYouMean(name, hyperNames(p)));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Hyper h : p.hypers()) {
            Number v = values.get(h.name());
            if (v != null) {
                hypers[h.slot()] = v.doubleValue();
            } else if (h.hasDefault()) {
                hypers[h.slot()] = h.defaultValue();
            } else {
                missing.add(h.name());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing value for hyperparameter" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(s -> "'" + s + "'").toList())
                    + " (rule '" + rule.name() + "' gives no default)");
        }
        if (!problems.isEmpty()) {
            throw new RuleException(String.join("\n", problems));
        }
        return new Optimizer(this, hypers);
    }

    static int slotOf(Program p, String name) {
        for (Hyper h : p.hypers()) {
            if (h.name().equals(name)) {
                return h.slot();
            }
        }
        return -1;
    }

    static List<String> hyperNames(Program p) {
        return p.hypers().stream().map(Hyper::name).toList();
    }

    @Override
    public String toString() {
        return "Kernel[" + rule.name() + ", " + backend + "]";
    }
}
