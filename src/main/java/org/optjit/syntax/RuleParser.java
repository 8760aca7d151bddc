package org.optjit.syntax;

import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.optjit.Diagnostic;
import org.optjit.RuleException;
import org.optjit.ast.RuleAst;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;

/**
 * Source text to AST: the syntax stage. ANTLR's types stay inside this package.
 *
 * <p>Parsing is two-stage, as ANTLR recommends for speed: the fast SLL mode with a
 * bail-out strategy first; only if that fails, full LL with error recovery, which reports
 * every syntax error (see {@link PlainErrorStrategy}, {@link SyntaxErrors}).
 */
public final class RuleParser {

    private RuleParser() {
    }

    /** @throws RuleException with every syntax error found */
    public static RuleAst parse(String text, String fileName) {
        SourceFile source = new SourceFile(fileName, text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new RuleException(List.of(binary(source, nul)));
        }
        OptRuleLexer lexer = new OptRuleLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners(); // BAD catches every character, so the lexer never errs
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        Diagnostic tooDeep = NestingCheck.check(tokens.getTokens(), source);
        if (tooDeep != null) {
            throw new RuleException(List.of(tooDeep));
        }
        OptRuleParser parser = new OptRuleParser(tokens);
        // AstBuilder reads the grammar's labels only: no tree of children and terminal nodes
        parser.setBuildParseTree(false);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        OptRuleParser.RuleFileContext tree;
        try {
            tree = parser.ruleFile();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            SyntaxErrors errors = new SyntaxErrors(source);
            parser.addErrorListener(errors);
            parser.setErrorHandler(new PlainErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.ruleFile();
            if (!errors.diagnostics().isEmpty()) {
                Diagnostic cause = StructureCheck.cause(tokens.getTokens(), source);
                throw new RuleException(cause != null ? List.of(cause) : errors.diagnostics());
            }
        }
        return new RuleAst(source, new AstBuilder().ruleFile(tree));
    }

    private static Diagnostic binary(SourceFile source, int offset) {
        int line = 1;
        int column = 1;
        String text = source.text();
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return source.error(new Span(line, column, 1), "this is not a rule: it contains binary data (a NUL byte)");
    }

}
