package org.optjit.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * Where each name of a rule is read and where it is assigned, in source order (reads in
 * declarations' initial values count as reads). For lint warnings and for messages that
 * point at the line where a name is used.
 *
 * @param reads   name to the spans of its reads
 * @param assigns name to the spans of its assignment targets
 */
public record NameUses(Map<String, List<Span>> reads, Map<String, List<Span>> assigns) {

    public static NameUses of(List<Stmt> statements) {
        NameUses u = new NameUses(new LinkedHashMap<>(), new LinkedHashMap<>());
        u.statements(statements);
        return u;
    }

    private void statements(List<Stmt> statements) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                expr(a.value());
                if (a.op() != org.optjit.ast.AssignOp.SET) {
                    reads.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a.span());
                }
                assigns.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a.span());
            } else if (s instanceof Stmt.If f) {
                for (Stmt.Branch b : f.branches()) {
                    expr(b.cond());
                    statements(b.body());
                }
                statements(f.otherwise());
            } else if (s instanceof Stmt.HyperDecl h) {
                h.items().forEach(d -> expr(d.init()));
            } else if (s instanceof Stmt.StateDecl d) {
                d.items().forEach(item -> expr(item.init()));
            }
        }
    }

    private void expr(Expr e) {
        if (e != null) {
            Reads.forEach(e, n -> reads.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n.span()));
        }
    }

    /** Where {@code name} is first read, or null. */
    public Span firstRead(String name) {
        List<Span> r = reads.get(name);
        return r == null || r.isEmpty() ? null : r.get(0);
    }
}
