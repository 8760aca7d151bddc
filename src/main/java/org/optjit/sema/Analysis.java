package org.optjit.sema;

import java.util.List;
import java.util.Map;
import org.optjit.ast.Expr;
import org.optjit.ast.RuleAst;
import org.optjit.ast.Stmt;

/**
 * The result of analysis: a valid rule and the role of every name in it.
 *
 * @param rule   the checked AST
 * @param roles  every name's role, in order of first appearance in the source
 * @param hypers declared hyperparameters by name
 * @param states declared state by name
 * @param shapes every name's shape class, in the order of {@code roles}
 * @param evaluate the rule's {@code evaluate} statement, or null
 */
public record Analysis(RuleAst rule, Map<String, Role> roles, Map<String, Stmt.Declared> hypers,
                       Map<String, Stmt.Declared> states, Map<String, Shape> shapes, Stmt.Evaluate evaluate) {

    public Analysis {
        roles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roles));
        shapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shapes));
        hypers = Map.copyOf(hypers);
        states = Map.copyOf(states);
    }

    /** A name's shape class (a state's storage class). */
    public Shape shape(String name) {
        return shapes.get(name);
    }

    public Role role(String name) {
        return roles.get(name);
    }

    /** The names with a role, in order of first appearance. */
    public List<String> names(Role role) {
        return roles.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).toList();
    }

    public boolean declared(String name) {
        return hypers.containsKey(name) || states.containsKey(name);
    }

    /** The declared default of a hyperparameter or initial value of a state, or null. */
    public Expr initial(String name) {
        Stmt.Declared d = hypers.containsKey(name) ? hypers.get(name) : states.get(name);
        return d == null ? null : d.init();
    }
}
