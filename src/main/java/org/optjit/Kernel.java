package org.optjit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optjit.codegen.CodeLengths;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelClasses;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.codegen.vector.VectorCompiler;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Hyper;
import org.optjit.ir.Program;
import org.optjit.phase.BranchVariants;
import org.optjit.phase.Plan;
import org.optjit.phase.Planner;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.tensor.Orthogonalization;
import org.optjit.runtime.tensor.TensorStep;
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
    private final TensorStep tensorStep;
    private final java.util.function.Supplier<List<byte[]>> passClassFiles;

    private Kernel(Rule rule, Backend backend, LoopKernel loop, byte[] classFile) {
        this(rule, backend, loop, classFile, null, List::of);
    }

    private Kernel(Rule rule, Backend backend, LoopKernel loop, byte[] classFile, TensorStep tensorStep,
                   java.util.function.Supplier<List<byte[]>> passClassFiles) {
        this.rule = rule;
        this.backend = backend;
        this.loop = loop;
        this.classFile = classFile;
        this.tensorStep = tensorStep;
        this.passClassFiles = passClassFiles;
    }

    static Kernel compile(Rule rule, Backend requested) {
        return compile(rule, requested, Planner.Placing.CHEAPER);
    }

    /**
     * {@link Rule#compile} with a rule over tensors planned with the given placement instead of
     * the cheaper one: both give the same bits, so tests run them against each other and
     * {@code PlacementBench} times them.
     */
    public static Kernel compile(Rule rule, Backend requested, Planner.Placing placing) {
        Program p = rule.program();
        if (!p.elementWise()) {
            return overTensors(rule, requested, p, placing);
        }
        BranchVariants variants = BranchVariants.ofBody(p.body());
        if (variants.slots().length > 0) {
            return withVariants(rule, elementWiseBackend(p, requested), p, variants);
        }
        switch (requested) {
            case INTERPRETER:
                return new Kernel(rule, requested, new Interpreter(p.body()), null);
            case SCALAR:
                return defined(rule, Backend.SCALAR, new ScalarCompiler().compile(p));
            case VECTOR:
                if (!vectorAvailable()) {
                    throw vectorUnavailable();
                }
                return defined(rule, Backend.VECTOR, new VectorCompiler().compile(p));
            case AUTO:
                return auto(rule, p);
            default:
                throw new IllegalArgumentException("backend " + requested);
        }
    }

    /**
     * AUTO: VECTOR when the module is present and the vector kernel is one the JIT will
     * compile; SCALAR otherwise. A vector {@code run} method is one method (vectors cannot
     * be passed between methods cheaply), so a very large rule makes one longer than
     * HotSpot compiles ({@link CodeLengths#JIT_LIMIT}) or than a method may be; SCALAR
     * splits such bodies into methods the JIT does compile, and is then far faster.
     */
    private static Kernel auto(Rule rule, Program p) {
        byte[] vector = compilableVector(p);
        return vector != null ? defined(rule, Backend.VECTOR, KernelClasses.define(vector))
                : defined(rule, Backend.SCALAR, new ScalarCompiler().compile(p));
    }

    /** The VECTOR class file of {@code p} when the module is present and the JIT will compile it, else null. */
    private static byte[] compilableVector(Program p) {
        if (!vectorAvailable()) {
            return null;
        }
        try {
            byte[] vector = VectorCompiler.generate(p);
            return CodeLengths.allJitCompilable(vector) ? vector : null;
        } catch (RuleException tooLargeForOneMethod) {
            return null; // SCALAR splits it
        }
    }

    private static RuleException vectorUnavailable() {
        return new RuleException("the VECTOR backend needs the jdk.incubator.vector module:"
                + " start the JVM with --add-modules jdk.incubator.vector (the launcher bin/optjit does)");
    }

    /** The backend an element-wise rule compiles for: AUTO decided on the whole body, as {@link #auto} decides. */
    private static Backend elementWiseBackend(Program p, Backend requested) {
        if (requested == Backend.AUTO) {
            return compilableVector(p) != null ? Backend.VECTOR : Backend.SCALAR;
        }
        if (requested == Backend.VECTOR && !vectorAvailable()) {
            throw vectorUnavailable();
        }
        return requested;
    }

    /**
     * An element-wise rule whose body reads per-step truth values: one kernel per combination
     * of their values ({@link BranchVariants}), the first compiled now, the others when a step
     * first takes them; each step runs the one its uniforms select. {@link #passClassFiles()}
     * gives every variant's class file.
     */
    private static Kernel withVariants(Rule rule, Backend backend, Program p, BranchVariants variants) {
        List<Program> programs = new ArrayList<>();
        for (int v = 0; v < variants.bodies().size(); v++) {
            programs.add(new Program(p.name() + "_v" + v, p.hypers(), p.states(), p.stepScalars(), p.temporaries(),
                    p.prelude(), variants.bodies().get(v), p.initPrelude(), p.init(), p.reductions(), p.orth(),
                    p.evaluate()));
        }
        VariantCompiler compiled = new VariantCompiler(backend, variants.slots(), programs,
                backend == Backend.SCALAR ? new ScalarCompiler()::compile : new VectorCompiler()::compile);
        return new Kernel(rule, backend, compiled.kernel(), compiled.firstClassFile(), null, compiled::classFiles);
    }

    /**
     * A rule over tensors: the phase stage splits it into passes ({@link Planner}), and each
     * pass is compiled like an element-wise body for the backend.
     */
    private static Kernel overTensors(Rule rule, Backend requested, Program p, Planner.Placing placing) {
        Backend backend = requested == Backend.AUTO ? autoBackend() : requested;
        if (backend == Backend.VECTOR && !vectorAvailable()) {
            throw vectorUnavailable();
        }
        Plan plan = placing == Planner.Placing.CHEAPER ? rule.plan() : Planner.plan(p, placing);
        PassCompiler passes = new PassCompiler(plan, backend);
        return new Kernel(rule, backend, null, null, new TensorStep(plan, passes.kernels(), Orthogonalization.DEFAULT),
                passes::classFiles);
    }

    /** The step of a rule over tensors, or null for an element-wise rule. */
    TensorStep tensorStep() {
        return tensorStep;
    }

    private static Kernel defined(Rule rule, Backend backend, GeneratedKernel k) {
        return new Kernel(rule, backend, k.kernel(), k.classFile());
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * What {@link Backend#AUTO} picks in this JVM for rules of ordinary size: VECTOR when
     * the module is present. (For a rule too large for one compiled vector method it picks
     * SCALAR; {@link #backend()} of the compiled kernel always says.)
     */
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

    /**
     * The generated class file of each pass of a rule over tensors and of each of its branch
     * variants, or of each branch variant of an element-wise rule, in order (empty for an
     * element-wise rule without variants and for the interpreter). Variants that no step has
     * needed yet are compiled first.
     */
    public List<byte[]> passClassFiles() {
        return passClassFiles.get();
    }

    /** The plan of a rule over tensors (its passes), or null for an element-wise rule. */
    public org.optjit.phase.Plan plan() {
        return tensorStep == null ? null : tensorStep.plan();
    }

    /** The generated class file (of an element-wise rule), or {@code null} for the interpreter and for rules over tensors. */
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
                String bad = org.optjit.ir.FiniteValues.problem(h.name(), v.doubleValue());
                if (bad != null) {
                    problems.add(bad);
                }
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
            for (String name : missing) {
                List<String> others = new ArrayList<>(values.keySet());
                others.addAll(hyperNames(p));
                others.remove(name);
                problems.add("  '" + name + "' is read at " + rule.whereRead(name) + Names.didYouMean(name, others));
            }
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
