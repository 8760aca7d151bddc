package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Rule;
import org.optjit.ast.Stmt;
import org.optjit.search.check.Checker;
import org.optjit.search.check.Dedup;
import org.optjit.search.check.Rejection;
import org.optjit.search.evolve.SeedRule;
import org.optjit.search.space.Mutator;
import org.optjit.search.space.SearchForm;
import org.optjit.search.space.Vocabulary;
import org.optjit.search.space.mutation.AddState;
import org.optjit.search.space.mutation.InsertStatement;
import org.optjit.search.space.mutation.Mutation;
import org.optjit.search.space.mutation.MutationContext;
import org.optjit.syntax.RuleParser;
import org.optjit.train.Rng;

class MutationTest {

    private final Mutator mutator = new Mutator(Vocabulary.ofLanguage());

    @Test
    void seedsTakeSearchFormWithOnlyTheRateAsHyperparameter() {
        SeedRule adam = TestRules.seed("adam");
        Rule rule = Rule.parse(adam.source());
        assertEquals(List.of("lr"), rule.hyperparameters().stream().map(Rule.Hyperparameter::name).toList());
        assertEquals(List.of("s0", "s1"), rule.state().stream().map(Rule.StateVariable::name).toList());
        assertTrue(adam.source().contains("0.999"), adam.source());
        // momentum's rate is eps, which becomes lr; mu becomes its default
        assertEquals("s0 = 0.9 * s0 - lr * g\nw += s0\n", TestRules.seed("momentum").source());
    }

    /** Every mutation, on every example, many times: a valid rule or a counted rejection, never an exception. */
    @Test
    void everyMutationYieldsAValidRuleOrACountedRejection() {
        Rng rng = new Rng(42);
        for (Mutation m : mutator.mutations()) {
            Map<Rejection, Integer> rejected = new EnumMap<>(Rejection.class);
            int accepted = 0;
            int applied = 0;
            for (List<Stmt> parent : parents(rng)) {
                for (int i = 0; i < 20; i++) {
                    List<Stmt> child = m.apply(parent, new MutationContext(rng, mutator.exprs()));
                    if (child == null) {
                        continue;
                    }
                    applied++;
                    // a fresh checker: every child is checked in full, none dropped as a repeat
                    Checker.Outcome o = new Checker(new Dedup()).check(SearchForm.canonical(child));
                    if (o.accepted()) {
                        accepted++;
                        Rule.parse(o.source()).compile(org.optjit.Backend.SCALAR);
                    } else {
                        rejected.merge(o.rejection(), 1, Integer::sum);
                    }
                }
            }
            int total = accepted + rejected.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(applied, total, m.name());
            assertTrue(applied > 100, m.name() + " applied only " + applied + " times");
            // duplicates are valid rules too (the same parent is mutated many times here)
            int valid = accepted + rejected.getOrDefault(Rejection.DUPLICATE_IR, 0)
                    + rejected.getOrDefault(Rejection.DUPLICATE_BEHAVIOUR, 0);
            assertTrue(valid > applied / 4, m.name() + ": only " + valid + " of " + applied + " valid; " + rejected);
        }
    }

    /**
     * The examples, element-wise and over tensors (reductions, a coarse state), and each after
     * an inserted statement and an added state (so that deletions apply).
     */
    private List<List<Stmt>> parents(Rng rng) {
        List<List<Stmt>> out = new java.util.ArrayList<>();
        for (String name : List.of("sgd", "momentum", "adam", "lion", "rprop", "rmsprop", "powersign", "lars", "lamb",
                "novograd", "adafactor", "cautious_adamw")) {
            List<Stmt> p = RuleParser.parse(TestRules.seed(name).source(), "p.opt").statements();
            out.add(p);
            MutationContext c = new MutationContext(rng, mutator.exprs());
            out.add(new InsertStatement().apply(p, c));
            out.add(new AddState().apply(new InsertStatement().apply(p, c), c));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    @Test
    void randomRulesAndCrossoversAreCheckedWithoutExceptions() {
        Checker checker = new Checker(new Dedup());
        Rng rng = new Rng(7);
        int accepted = 0;
        for (int i = 0; i < 300; i++) {
            Mutator.Child c = mutator.random(rng);
            accepted += checker.check(c.statements()).accepted() ? 1 : 0;
        }
        assertTrue(accepted > 60, "random rules accepted: " + accepted);
        List<Stmt> a = RuleParser.parse(TestRules.seed("adam").source(), "a.opt").statements();
        List<Stmt> b = RuleParser.parse(TestRules.seed("lion").source(), "b.opt").statements();
        for (int i = 0; i < 200; i++) {
            checker.check(mutator.cross(a, b, rng).statements());
        }
    }

    @Test
    void canonicalFormNamesStateAndTemporariesByRoleAndOrder() {
        List<Stmt> s = RuleParser.parse("m = 0.9*m + g\nstep = m*lr\nw -= step\n", "x.opt").statements();
        assertEquals("s0 = 0.9 * s0 + g\nu0 = s0 * lr\nw -= u0\n", org.optjit.ast.AstPrinter.print(SearchForm.canonical(s)));
    }

    /** The language's reductions, its newer functions and operators are in the search space without being named here. */
    @Test
    void theVocabularyIsTheLanguagesAndReductionsReachAcceptedRules() {
        Vocabulary v = Vocabulary.ofLanguage();
        for (org.optjit.sema.Function f : org.optjit.sema.Function.values()) {
            boolean listed = v.unaryFunctions().contains(f.spelling()) || v.binaryFunctions().contains(f.spelling())
                    || v.ternaryFunctions().contains(f.spelling());
            boolean compiles;
            try {
                org.optjit.Optimizer opt = Rule.parse("w -= lr * " + f.spelling() + "(g"
                        + ", g".repeat(f.accepts(1) ? 0 : f.accepts(2) ? 1 : 2) + ")")
                        .compile(org.optjit.Backend.SCALAR).bind(Map.of("lr", 0.1));
                float[] w = {1, 2};
                opt.step(w, new float[] {1, -1}, opt.newState(w));
                compiles = true;
            } catch (RuntimeException e) {
                compiles = false;
            }
            assertEquals(compiles, listed, f.spelling());
        }
        for (org.optjit.sema.Reduction r : org.optjit.sema.Reduction.values()) {
            assertEquals(r.reducesWithoutScope(), v.unaryFunctions().contains(r.spelling()), r.spelling());
        }
        // reductions with their scopes, shape values and state classes: the language's tables
        assertEquals(List.of(org.optjit.sema.Reduction.values()), v.reductions());
        assertEquals(org.optjit.sema.Axis.spellings(), v.scopes());
        assertEquals(List.of("all", "tensor", "row", "col"), v.stateClasses());
        assertEquals(List.of("rows", "cols", "size", "ndim"), v.shapeValues());
        v.stateClasses().forEach(c -> assertTrue(org.optjit.sema.Shape.ofKeyword(c) != null, c));
        v.shapeValues().forEach(n -> assertEquals(org.optjit.sema.Role.SHAPE, org.optjit.sema.Role.builtin(n), n));
        assertEquals(java.util.Arrays.stream(org.optjit.ast.BinaryOp.values())
                .filter(op -> op.kind() == org.optjit.ast.BinaryOp.Kind.ARITH).toList(), v.arithmeticOperators());
        Checker checker = new Checker(new Dedup());
        Rng rng = new Rng(11);
        java.util.Set<String> reductionsSeen = new java.util.TreeSet<>();
        for (int i = 0; i < 800; i++) {
            Checker.Outcome o = checker.check(mutator.random(rng).statements());
            for (org.optjit.sema.Reduction r : org.optjit.sema.Reduction.values()) {
                if (o.accepted() && r.reducesWithoutScope() && o.source().contains(r.spelling() + "(")) {
                    reductionsSeen.add(r.spelling());
                }
            }
        }
        assertEquals(4, reductionsSeen.size(), "reductions in accepted random rules: " + reductionsSeen);
    }
}
