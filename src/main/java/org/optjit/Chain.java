package org.optjit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.RuleAst;
import org.optjit.ast.Renaming;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Stmt;
import org.optjit.ir.FrontEnd;
import org.optjit.sema.Role;

/** Composition of rules: {@link Rule#chain(Rule...)}. */
final class Chain {

    private Chain() {
    }

    static Rule of(List<Rule> parts) {
        if (parts.size() < 2) {
            throw new RuleException("a chain needs at least two rules, got " + parts.size());
        }
        Set<String> seen = new HashSet<>();
        boolean assignsW = false;
        for (Rule r : parts) {
            if (!seen.add(r.name())) {
                throw new RuleException("rule '" + r.name() + "' is in the chain twice; each part needs a name of its own"
                        + " (copy the file under another name)");
            }
            if (r.transform() && assignsW) {
                throw new RuleException("transform '" + r.name() + "' comes after a rule that assigns 'w'; a transform"
                        + " changes the gradient and must come before the rule that uses it");
            }
            assignsW |= !r.transform();
        }
        if (!assignsW) {
            throw new RuleException("no rule of the chain assigns 'w': end it with an optimizer, e.g. "
                    + parts.get(0).name() + ".opt+adamw.opt");
        }
        Map<String, Integer> uses = new HashMap<>();
        List<Set<String>> names = new ArrayList<>();
        for (Rule r : parts) {
            Set<String> own = new LinkedHashSet<>();
            collect(r.ast().statements(), own);
            own.removeIf(n -> Role.builtin(n) != null);
            own.forEach(n -> uses.merge(n, 1, Integer::sum));
            names.add(own);
        }
        List<Stmt> statements = new ArrayList<>();
        List<String> qualified = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            String prefix = parts.get(k).name() + ".";
            Set<String> own = names.get(k);
            statements.addAll(Renaming.apply(parts.get(k).ast().statements(),
                    n -> own.contains(n) && uses.get(n) > 1 ? prefix + n : n));
            qualified.add(parts.get(k).name());
        }
        String name = String.join("+", qualified);
        String source = AstPrinter.print(statements);
        FrontEnd.Compiled compiled = FrontEnd.compile(new RuleAst(new SourceFile(name, source), statements), name);
        return Rule.chained(source, compiled);
    }

    /** Every name a statement list mentions. */
    private static void collect(List<Stmt> statements, Set<String> into) {
        Renaming.apply(statements, n -> {
            into.add(n);
            return n;
        });
    }

    /** {@code a.opt+b.opt}: each part loaded; a part without a directory is looked for beside the one before. */
    static Rule load(String spec) {
        String[] files = spec.split("\\+", -1);
        List<Rule> parts = new ArrayList<>();
        Path dir = null;
        for (String f : files) {
            if (f.isBlank()) {
                throw new RuleException(spec + ": an empty part in a chain of rules (write a.opt+b.opt)");
            }
            Path p = Path.of(f);
            if (!Files.exists(p) && p.getParent() == null && dir != null && Files.exists(dir.resolve(p))) {
                p = dir.resolve(p);
            }
            dir = p.getParent();
            parts.add(Rule.load(p));
        }
        return of(parts);
    }
}
