package org.optjit.ir;

import org.optjit.Diagnostic;
import org.optjit.RuleException;
import org.optjit.ast.RuleAst;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;
import org.optjit.sema.Analysis;
import org.optjit.sema.Analyzer;
import org.optjit.syntax.RuleParser;

/**
 * Runs the front end: source text -> syntax ({@link RuleParser}) -> AST -> analysis
 * ({@link Analyzer}) -> IR ({@link Lowering}, optimised as it is built).
 *
 * <p>The parser's recursion is bounded by its nesting check, but a parenthesis costs the
 * parser about ten frames, and the later stages recurse over expression depth, where a
 * long chain of binary operators (a generated rule with a 100,000-term sum) is deep.
 * Large or deeply parenthesised sources are therefore compiled on a thread with a large
 * stack, so that what the language allows compiles whatever the caller's stack size;
 * should even that overflow, the user gets an error, not a stack trace.
 */
public final class FrontEnd {

    /** Sources up to this many characters, nested at most this deep, recurse little. */
    private static final int SMALL_SOURCE = 4_000;
    private static final int SHALLOW = 32;
    private static final long LARGE_STACK = 512L << 20;

    private FrontEnd() {
    }

    /**
     * A compiled rule with its checked syntax tree (what a chain of rules is made from).
     *
     * @param transform whether the rule assigns {@code g} but not {@code w}: a transform, which
     *                  runs only in a chain before a rule that assigns {@code w}
     */
    public record Compiled(RuleAst ast, Program program, boolean transform) {
    }

    /** @throws RuleException with every diagnostic when the rule is not valid */
    public static Program compile(String source, String fileName) {
        return compileWithAst(source, fileName).program();
    }

    /** Analyses and lowers a syntax tree built from checked rules (a chain); its name is {@code name}. */
    public static Compiled compile(RuleAst ast, String name) {
        Analysis analysis = Analyzer.analyze(ast);
        Program program = Lowering.lower(analysis, name);
        FiniteValues.check(analysis, program);
        return new Compiled(ast, program, analysis.role("w") == null || !assigns(ast.statements(), "w"));
    }

    /** @throws RuleException with every diagnostic when the rule is not valid */
    public static Compiled compileWithAst(String source, String fileName) {
        if (source.length() <= SMALL_SOURCE && parenthesisDepth(source) <= SHALLOW) {
            return compileHere(source, fileName);
        }
        Compiled[] result = new Compiled[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = compileHere(source, fileName);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "optjit-front-end", LARGE_STACK);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleException("interrupted while compiling " + fileName);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    /** The deepest nesting of '(' (comments included: an overestimate is harmless). */
    private static int parenthesisDepth(String source) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    private static boolean assigns(java.util.List<org.optjit.ast.Stmt> statements, String name) {
        for (org.optjit.ast.Stmt s : statements) {
            if (s instanceof org.optjit.ast.Stmt.Assign a && a.target().equals(name)) {
                return true;
            }
            if (s instanceof org.optjit.ast.Stmt.If f) {
                for (org.optjit.ast.Stmt.Branch b : f.branches()) {
                    if (assigns(b.body(), name)) {
                        return true;
                    }
                }
                if (assigns(f.otherwise(), name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Analyses and lowers statements built in code whose printout is {@code source}; a tree
     * too deep for this thread's stack is an error, as in {@link #compileWithAst}.
     */
    public static Compiled compileStatements(String source, java.util.List<org.optjit.ast.Stmt> statements,
                                             String fileName) {
        try {
            return compile(new RuleAst(new SourceFile(fileName, source), statements), ruleName(fileName));
        } catch (StackOverflowError e) {
            throw tooDeep(source, fileName);
        }
    }

    private static Compiled compileHere(String source, String fileName) {
        try {
            RuleAst ast = RuleParser.parse(source, fileName);
            return compile(ast, ruleName(fileName));
        } catch (StackOverflowError e) {
            throw tooDeep(source, fileName);
        }
    }

    private static RuleException tooDeep(String source, String fileName) {
        Diagnostic d = new SourceFile(fileName, source).error(new Span(1, 1, 1),
                "the rule is nested too deeply to compile; split its expressions into several statements");
        return new RuleException(java.util.List.of(d));
    }

    /** "adam" for "examples/adam.opt"; "rule" for "&lt;input&gt;". */
    static String ruleName(String fileName) {
        if (fileName == null || fileName.startsWith("<")) {
            return "rule";
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isEmpty() ? "rule" : name;
    }
}
