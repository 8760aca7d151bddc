/*
 * The optjit update-rule language (see docs/language.md).
 *
 * One combined grammar, no embedded actions. Expression precedence is layered from
 * loosest to tightest, as in the language reference:
 *   conditional ?:  <  ||  <  &&  <  comparisons  <  + -  <  * / %  <  unary - + !  <  ^
 * `^` is right-associative and binds tighter than unary minus, so `-x^2` is `-(x^2)`,
 * while its exponent may itself carry a sign: `x^-2`.
 *
 * Binary levels are written as loops (`a (op b)*`), not left recursion, so a long sum
 * does not deepen the parser's recursion; `else if` chains are loops for the same reason.
 *
 * Every part that the AST builder reads is labelled (lists with +=), so the parser need
 * not build a parse tree: RuleParser turns it off, which makes parsing a third faster.
 */
grammar OptRule;

@header {package org.optjit.syntax;}

// Statement lists are written so that every decision needs one token of lookahead
// (empty statements are allowed) and are not a rule of their own, so that error recovery
// resynchronises inside the list instead of giving up on the rest of the file.
ruleFile
    : statements+=statement? (sep statements+=statement?)* EOF
    ;

sep
    : NL
    | ';'
    ;

statement
    : 'hyper' items+=hyperItem (',' items+=hyperItem)*              # HyperDecl
    | 'state' items+=stateItem (',' items+=stateItem)*              # StateDecl
    | target=NAME op=('=' | '+=' | '-=' | '*=' | '/=') value=expr    # Assign
    | 'if' cond=expr then=block elseIfs+=elseIf* last=elseBlock?     # If
    | 'evaluate' value=expr                                         # Evaluate
    ;

elseIf
    : NL* 'else' 'if' cond=expr body=block
    ;

elseBlock
    : NL* 'else' body=block
    ;

hyperItem
    : name=NAME ('=' init=expr)?
    ;

stateItem
    : name=NAME (':' shape=NAME)? ('=' init=expr)?
    ;

block
    : '{' statements+=statement? (sep statements+=statement?)* '}'
    ;

expr
    : cond=orExpr ('?' then=expr ':' otherwise=expr)?
    ;

orExpr
    : operands+=andExpr ('||' operands+=andExpr)*
    ;

andExpr
    : operands+=cmpExpr ('&&' operands+=cmpExpr)*
    ;

cmpExpr
    : operands+=addExpr (ops+=('<' | '<=' | '>' | '>=' | '==' | '!=') operands+=addExpr)*
    ;

addExpr
    : operands+=mulExpr (ops+=('+' | '-') operands+=mulExpr)*
    ;

mulExpr
    : operands+=unary (ops+=('*' | '/' | '%') operands+=unary)*
    ;

unary
    : op=('-' | '+' | '!') operand=unary                            # Prefix
    | value=power                                                   # PowerExpr
    ;

power
    : base=atom ('^' exponent=unary)?
    ;

atom
    : NUMBER                                                        # Number
    | fn=NAME ('[' scope=NAME ']')? '(' (args+=expr (',' args+=expr)*)? ')'  # Call
    | NAME                                                          # Name
    | '(' inner=expr ')'                                            # Paren
    ;

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

NAME
    : [a-zA-Z_] [a-zA-Z_0-9]*
    ;

NL
    : '\r'? '\n'
    | '\r'
    ;

COMMENT
    : '#' ~[\r\n]* -> skip
    ;

WS
    : [ \t\f]+ -> skip
    ;

// Anything else is one bad character, reported by the lexer's error listener.
BAD
    : .
    ;

fragment DIGITS
    : [0-9]+
    ;

fragment EXPONENT
    : [eE] [+-]? DIGITS
    ;
