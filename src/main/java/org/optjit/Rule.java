package org.optjit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.optjit.ast.RuleAst;
import org.optjit.ir.FrontEnd;
import org.optjit.ir.Hyper;
import org.optjit.ir.Program;
import org.optjit.ir.StateVar;

/**
 * An optimizer update rule, parsed and analysed. See {@code docs/language.md}.
 *
 * <pre>
 * Rule rule = Rule.parse("v = mu*v - eps*g; w += v");
 * Kernel kernel = rule.compile(Backend.AUTO);
 * Optimizer opt = kernel.bind(Map.of("mu", 0.9, "eps", 0.01));
 * OptimizerState s = opt.newState(w);
 * opt.step(w, g, s);
 * </pre>
 *
 * <h2>Map of the implementation</h2>
 * <ul>
 *   <li>{@code grammar/OptRule.g4}: the grammar; {@code org.optjit.syntax}: parse tree to
 *       AST, located syntax errors (ANTLR types stay there).</li>
 *   <li>{@code org.optjit.ast}: immutable AST records with source spans, and a printer.</li>
 *   <li>{@code org.optjit.sema}: name roles (weight, gradient, hyperparameter, state,
 *       step scalar, temporary) and the language's checks.</li>
 *   <li>{@code org.optjit.ir}: {@link Program}: a per-step scalar prelude (double) and a
 *       per-weight body (float32) in SSA form; folding, CSE, hoisting.
 *       {@link FrontEnd} runs the stages above.</li>
 *   <li>{@code org.optjit.phase}: rules over tensors split into passes at their reductions
 *       and {@code orth}s (levels, {@code Plan}); bodies specialised per value of their
 *       uniform conditions ({@code BranchVariants}).</li>
 *   <li>{@code org.optjit.interp}: the reference interpreter, the oracle.</li>
 *   <li>{@code org.optjit.codegen}: generated hidden classes (ASM), one emitter per
 *       backend.</li>
 *   <li>{@code org.optjit.runtime}: what generated code implements (a {@code VariantKernel}
 *       picks a branch variant per call); threading;
 *       {@code runtime.tensor} runs a plan's passes, coarse values and reductions over a
 *       {@link Layout} (a tensor too large for one thread shared by all), and {@code orth}.
 *       {@code org.optjit.blas}: the matrix products.</li>
 *   <li>{@code org.optjit.train}: the mini-batch trainer; {@code org.optjit.cli}: the
 *       command line.</li>
 * </ul>
 */
public final class Rule {

    /** A hyperparameter as the rule declares or implies it. */
    public record Hyperparameter(String name, OptionalDouble defaultValue, boolean declared) {
    }

    /** A per-weight state array and its initial value as written. */
    public record StateVariable(String name, String initialValue, boolean declared) {
    }

    private final String source;
    private final String fileName;
    private final Program program;
    private final RuleAst ast;
    private final boolean transform;
    private volatile String identity;
    private volatile org.optjit.phase.Plan plan;

    private Rule(String source, String fileName, FrontEnd.Compiled compiled) {
        this.source = source;
        this.fileName = fileName;
        this.program = compiled.program();
        this.ast = compiled.ast();
        this.transform = compiled.transform();
    }

    /** Parses a rule given as text; errors are reported against {@code <input>}. */
    public static Rule parse(String source) {
        return parse(source, "<input>");
    }

    /**
     * Parses a rule; {@code fileName} is used in diagnostics and, without its extension, as
     * the rule's name.
     *
     * @throws RuleException with every diagnostic when the rule is not valid
     */
    public static Rule parse(String source, String fileName) {
        return new Rule(source, fileName, FrontEnd.compileWithAst(source, fileName));
    }

    /**
     * A rule from statements built in code, not parsed (a rule search makes thousands per
     * second by changing syntax trees): the same rule as parsing their printout
     * ({@link org.optjit.ast.AstPrinter}) would give, without the parser. The printout is
     * the rule's {@link #source()}; diagnostics point into it only where the statements
     * carry spans of it.
     *
     * @throws RuleException with every diagnostic when the rule is not valid
     */
    public static Rule of(List<org.optjit.ast.Stmt> statements, String fileName) {
        String source = org.optjit.ast.AstPrinter.print(statements);
        return new Rule(source, fileName, FrontEnd.compileStatements(source, statements, fileName));
    }

    /**
     * Several rules compiled into one, run in order in one kernel: e.g. a transform that
     * clips the gradient by its global norm, then AdamW. A part that does not assign
     * {@code w} is a transform (it reassigns {@code g}) and may only come before the first
     * part that assigns {@code w}. Names that two parts both use (hyperparameters, state,
     * temporaries; not {@code w g t}, shape values or {@code pi}) are qualified by their
     * rule's name in every part: {@code clip.max_norm}. The chain is named
     * {@code clip+adamw}.
     *
     * @throws RuleException when the parts cannot be chained
     */
    public static Rule chain(Rule... parts) {
        return Chain.of(List.of(parts));
    }

    /** A rule made by {@link Chain}. */
    static Rule chained(String source, FrontEnd.Compiled compiled) {
        return new Rule(source, compiled.program().name(), compiled);
    }

    /** The checked syntax tree, for chains and tools. */
    public RuleAst ast() {
        return ast;
    }

    /**
     * Whether the rule assigns {@code g} but not {@code w}: a transform, which runs only in a
     * chain before a rule that assigns {@code w}.
     */
    public boolean transform() {
        return transform;
    }

    /**
     * Reads and parses a rule file, or a chain of rule files joined by {@code +}
     * ({@code clip_global_norm.opt+adamw.opt}; a part without a directory is looked for in
     * the directory of the part before it).
     *
     * @throws RuleException when the file cannot be read or the rule is not valid
     */
    public static Rule load(Path path) {
        String spec = path.toString();
        if (spec.contains("+") && !Files.exists(path)) {
            return Chain.load(spec);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RuleException(path + ": not a text file (it is not valid UTF-8)");
        } catch (IOException e) {
            throw new RuleException(path + ": cannot read: " + describe(e));
        }
        return parse(text, path.toString());
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The rule's name: its file name without extension, or "rule". */
    public String name() {
        return program.name();
    }

    public String source() {
        return source;
    }

    /** The compiled IR, for tools and tests. */
    public Program program() {
        return program;
    }

    /**
     * Lint warnings ({@link org.optjit.sema.Lint}): located problems of a valid rule that
     * probably does not say what was meant (a misspelt hyperparameter, a value never used).
     * Format them with {@code d.format("warning")}.
     */
    public List<Diagnostic> warnings() {
        return org.optjit.sema.Lint.warnings(org.optjit.sema.Analyzer.analyze(ast));
    }

    /**
     * Strict mode: this rule when it has no {@link #warnings()}, else a {@link RuleException}
     * with the warnings as errors. {@code Rule.load(path).strict()}.
     */
    public Rule strict() {
        List<Diagnostic> w = warnings();
        if (!w.isEmpty()) {
            throw new RuleException(w);
        }
        return this;
    }

    /** "file:line:col" of the first read of {@code name}, for messages about it. */
    String whereRead(String name) {
        org.optjit.ast.Span at = org.optjit.sema.NameUses.of(
                org.optjit.syntax.RuleParser.parse(source, fileName).statements()).firstRead(name);
        return at == null ? fileName : fileName + ":" + at.line() + ":" + at.column();
    }

    /**
     * The digest of the compiled program ({@link org.optjit.ir.ProgramDigest}), computed on
     * first use: two rules with the same identity compute the same (a state made by one fits
     * the other), whatever their names, files or spelling.
     */
    public String identity() {
        String id = identity;
        if (id == null) {
            id = org.optjit.ir.ProgramDigest.of(program);
            identity = id;
        }
        return id;
    }

    /**
     * The passes of a rule over tensors with the default placement, planned on first use, so
     * that kernels of several backends for one rule (a rule search's interpreter and SCALAR)
     * share one plan.
     */
    org.optjit.phase.Plan plan() {
        org.optjit.phase.Plan p = plan;
        if (p == null) {
            p = org.optjit.phase.Planner.plan(program);
            plan = p; // two threads may both plan: the same plan
        }
        return p;
    }

    /** Hyperparameters, declared and inferred, in slot order. */
    public List<Hyperparameter> hyperparameters() {
        List<Hyperparameter> out = new ArrayList<>();
        for (Hyper h : program.hypers()) {
            out.add(new Hyperparameter(h.name(),
                    h.hasDefault() ? OptionalDouble.of(h.defaultValue()) : OptionalDouble.empty(), h.declared()));
        }
        return out;
    }

    /** Per-weight state arrays, declared and inferred, in slot order. */
    public List<StateVariable> state() {
        List<StateVariable> out = new ArrayList<>();
        for (StateVar s : program.states()) {
            out.add(new StateVariable(s.name(), s.initSource(), s.declared()));
        }
        return out;
    }

    /**
     * Compiles the per-weight loop for a backend.
     *
     * @throws RuleException when the backend cannot run here (VECTOR without the
     *     {@code jdk.incubator.vector} module) or the rule is too large for it
     */
    public Kernel compile(Backend backend) {
        if (transform) {
            throw new RuleException("rule '" + name() + "' is a transform (it assigns 'g', not 'w'): run it in a chain"
                    + " before a rule that assigns 'w', e.g. " + name() + ".opt+adamw.opt");
        }
        return Kernel.compile(this, backend);
    }

    @Override
    public String toString() {
        return "Rule[" + name() + "]";
    }
}
