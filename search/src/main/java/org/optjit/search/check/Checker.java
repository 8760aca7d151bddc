package org.optjit.search.check;

import java.util.List;
import org.optjit.Backend;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.Stmt;
import org.optjit.search.space.Vocabulary;

/**
 * The front end's verdict on a child: printed (for the text's de-duplication and the
 * results), analysed from its tree ({@link Rule#of}; the IR is folded and dead code removed
 * as it is built), compiled, fingerprinted and de-duplicated. Never throws for a bad child:
 * it returns the {@link Rejection}.
 */
public final class Checker {

    /** Bounds that keep candidates readable and their kernels small. */
    public static final int MAX_CHARS = 400;
    public static final int MAX_STATEMENTS = 10;

    /** A child that passed, or the reason it did not. */
    public record Outcome(String source, Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }

    private final Dedup dedup;

    public Checker(Dedup dedup) {
        this.dedup = dedup;
    }

    public Dedup dedup() {
        return dedup;
    }

    public Outcome check(List<Stmt> statements) {
        String source = AstPrinter.print(statements);
        if (source.length() > MAX_CHARS || statements.size() > MAX_STATEMENTS) {
            return new Outcome(source, Rejection.TOO_LARGE);
        }
        if (!assignsWeight(statements)) {
            return new Outcome(source, Rejection.NO_UPDATE);
        }
        if (!dedup.newSource(hash(source))) {
            return new Outcome(source, Rejection.DUPLICATE_SOURCE);
        }
        Rule rule;
        try {
            // from the tree itself: the same rule as parsing the text, without the parser
            rule = Rule.of(statements, "candidate.opt");
        } catch (RuleException e) {
            return new Outcome(source, Rejection.INVALID);
        } catch (RuntimeException e) {
            return new Outcome(source, Rejection.COMPILER_ERROR);
        }
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            if (!h.name().equals(Vocabulary.LR)) {
                return new Outcome(source, Rejection.INVALID);
            }
        }
        if (!dedup.newIr(irKey(rule))) {
            return new Outcome(source, Rejection.DUPLICATE_IR);
        }
        // The fingerprint runs on the interpreter (the same arithmetic as the compiled loop,
        // docs/language.md), so that only a child that passes every other check is compiled:
        // a third of the children, not two thirds, pay for bytecode and a hidden class.
        Fingerprint.Result f;
        try {
            f = Fingerprint.of(rule.compile(Backend.INTERPRETER));
        } catch (RuleException e) {
            return new Outcome(source, Rejection.INVALID);
        } catch (RuntimeException e) {
            return new Outcome(source, Rejection.COMPILER_ERROR);
        }
        if (!f.finite()) {
            return new Outcome(source, Rejection.NOT_FINITE);
        }
        if (!f.moved()) {
            return new Outcome(source, Rejection.NO_UPDATE);
        }
        if (dedup.knowsBehaviour(f.hash())) {
            return new Outcome(source, Rejection.DUPLICATE_BEHAVIOUR);
        }
        try {
            rule.compile(Backend.SCALAR);
        } catch (RuleException e) {
            return new Outcome(source, Rejection.INVALID);
        } catch (RuntimeException e) {
            // the core failed otherwise (e.g. a function this build lacks): counted apart
            return new Outcome(source, Rejection.COMPILER_ERROR);
        }
        dedup.newBehaviour(f.hash());
        return new Outcome(source, null);
    }

    private static boolean assignsWeight(List<Stmt> statements) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a && a.target().equals("w")
                    || s instanceof Stmt.If f && (f.branches().stream().anyMatch(b -> assignsWeight(b.body()))
                    || assignsWeight(f.otherwise()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The canonical IR's key: the rule's identity (a digest of its whole program, reductions
     * and state classes included), which the fingerprint's state reuses. Its first 64 bits.
     */
    static long irKey(Rule rule) {
        return Long.parseUnsignedLong(rule.identity().substring(0, 16), 16);
    }

    /** 64-bit FNV-1a of the text. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
