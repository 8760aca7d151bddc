package org.optjit.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.RuleException;
import org.optjit.syntax.RuleParser;

/** Role inference, as docs/language.md defines it. */
class AnalyzerTest {

    private static Analysis analyze(String source) {
        return Analyzer.analyze(RuleParser.parse(source, "<t>"));
    }

    @Test
    void theDesignCardOneLinerIsComplete() {
        Analysis a = analyze("v = mu*v - eps*g; w += v");
        assertEquals(Map.of("v", Role.STATE, "mu", Role.HYPER, "eps", Role.HYPER, "g", Role.GRADIENT,
                "w", Role.WEIGHT), a.roles());
        assertEquals(List.of("v", "mu", "eps", "g", "w"), List.copyOf(a.roles().keySet()), "order of appearance");
    }

    @Test
    void assignedBeforeEveryReadIsNotState() {
        Analysis a = analyze("d = g * g; w -= d");
        assertEquals(Role.TEMPORARY, a.role("d"));
    }

    @Test
    void readBeforeAssignmentOnSomePathIsState() {
        assertEquals(Role.STATE, analyze("if g > 0 { s = 1 }\nw += s").role("s"));
        assertEquals(Role.TEMPORARY, analyze("if g > 0 { s = 1 } else { s = 2 }\nw += s").role("s"));
        assertEquals(Role.STATE, analyze("if g > 0 { s = 1 } else if g < 0 { s = 2 }\nw += s").role("s"));
        assertEquals(Role.STATE, analyze("s += g; w = s").role("s"), "a compound assignment reads first");
        assertEquals(Role.STATE, analyze("w = s; s = g").role("s"));
    }

    @Test
    void stepScalarsDependOnlyOnHyperparametersTAndLiterals() {
        Analysis a = analyze("c = 1 - b1^t\nk = c * 2\nd = g * c\nw -= lr * k * d");
        assertEquals(Role.STEP_SCALAR, a.role("c"));
        assertEquals(Role.STEP_SCALAR, a.role("k"));
        assertEquals(Role.TEMPORARY, a.role("d"));
    }

    @Test
    void controlDependenceOnAPerWeightConditionMakesATemporary() {
        assertEquals(Role.TEMPORARY, analyze("if g > 0 { x = lr } else { x = 2 * lr }\nw -= x").role("x"));
        assertEquals(Role.STEP_SCALAR, analyze("if t > 5 { x = lr } else { x = 2 * lr }\nw -= x").role("x"));
        assertEquals(Role.TEMPORARY, analyze("x = lr\nif g > 0 { x = 1 }\nw -= x").role("x"));
        assertEquals(Role.TEMPORARY, analyze("x = g\nif t > 1 { x = lr }\ny = x\nw -= y").role("y"),
                "a path that keeps the per-weight value makes the merge per weight");
    }

    @Test
    void declaredNamesTakeTheirDeclaredRoles() {
        Analysis a = analyze("hyper lr = 0.1\nstate m = w\nm = g\nw -= lr * m");
        assertEquals(Role.HYPER, a.role("lr"));
        assertEquals(Role.STATE, a.role("m"), "declared state, although assigned before it is read");
    }

    @Test
    void gMayBeReassignedAndUnknownNamesAreHyperparameters() {
        Analysis a = analyze("g += wd * w\nw -= lr * g");
        assertEquals(Role.GRADIENT, a.role("g"));
        assertEquals(Role.HYPER, a.role("wd"));
    }

    @Test
    void everyErrorIsReportedTogetherInSourceOrder() {
        RuleException e = assertThrows(RuleException.class, () -> analyze("w = sqr(g)\nt = 1\nw = min(g)"));
        assertEquals(List.of(1, 2, 3), e.diagnostics().stream().map(d -> d.line()).toList());
    }
}
