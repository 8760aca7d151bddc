package org.optjit.ir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a compiled rule: a SHA-256 digest of what decides the meaning of its
 * state, the whole IR listing (step prelude, per-weight body, init) and the names and
 * initial values of its hyperparameters and state arrays. Two rules have the same digest
 * exactly when a state made by one means the same to the other, whatever their names or
 * files are called; the rule's name is deliberately left out (two files called
 * {@code adam.opt} may hold different rules, and one rule may be saved under two names).
 */
public final class ProgramDigest {

    private ProgramDigest() {
    }

    /** 64 hexadecimal digits. */
    public static String of(Program p) {
        StringBuilder sb = new StringBuilder(1024);
        IrListing.appendTo(sb, p);
        // what the listing leaves out of a rule over tensors: reductions, orth arguments, evaluation weights
        p.reductions().forEach(r -> sb.append("reduction ").append(r).append('\n'));
        sb.append("orth ").append(p.orth()).append('\n');
        if (p.evaluate() != null) {
            IrListing.appendBlock(sb, p.evaluate().prelude(), '$', p);
            IrListing.appendBlock(sb, p.evaluate().body(), '%', p);
        }
        for (Hyper h : p.hypers()) {
            sb.append("hyper ").append(h.slot()).append(' ').append(h.name()).append('\n');
        }
        for (StateVar s : p.states()) {
            sb.append("state ").append(s.slot()).append(' ').append(s.name()).append(" = ").append(s.initSource())
                    .append(' ').append(s.shape()).append('\n');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
