package org.optjit.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.optjit.Diagnostic;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;

/**
 * Collects syntax errors as located diagnostics. Keeps the first error of each line (the
 * others on that line are usually echoes of ANTLR's recovery) and at most {@link #LIMIT}
 * in all, so binary garbage gives a short report.
 */
final class SyntaxErrors extends BaseErrorListener {

    static final int LIMIT = 10;

    private final SourceFile source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int lastLine = -1;

    SyntaxErrors(SourceFile source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        if (line == lastLine || diagnostics.size() >= LIMIT) {
            return;
        }
        lastLine = line;
        int length = 1;
        if (offendingSymbol instanceof Token t && t.getType() != Token.EOF && t.getType() != OptRuleLexer.NL) {
            length = Math.max(1, t.getText().length());
        }
        diagnostics.add(source.error(new Span(line, charPositionInLine + 1, length), msg));
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
