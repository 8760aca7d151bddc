package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Stmt;

/**
 * One way to change a rule, on its AST (the operators of Real et al. 2019 and Chen et al.
 * 2023, section 2: insert, delete or replace a statement or an operand, a function, a
 * constant). A mutation may give an invalid rule; the checker counts and drops it.
 */
public interface Mutation {

    /** A short name, recorded with every child it makes. */
    String name();

    /** The changed statements, or {@code null} when this mutation does not apply to the rule. */
    List<Stmt> apply(List<Stmt> rule, MutationContext context);
}
