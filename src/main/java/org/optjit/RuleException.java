package org.optjit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: a rule that does not parse or does not make sense, or a binding or call that
 * does not fit the rule. Carries every diagnostic found (a rule's errors are reported
 * together, not one per run).
 */
public class RuleException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public RuleException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** An error that has no source location (a binding, a call). */
    public RuleException(String message) {
        super(message);
        this.diagnostics = List.of();
    }

    /** The located diagnostics, empty for errors without a source location. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
