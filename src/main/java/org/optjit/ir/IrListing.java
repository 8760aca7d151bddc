package org.optjit.ir;

import java.util.List;
import java.util.Locale;

/**
 * Renders IR blocks as text, one instruction a line, for {@code optjit explain} and for
 * failing tests. Instruction {@code k} is shown as {@code %k} in the body and {@code $k}
 * in preludes, so the two are never confused.
 */
public final class IrListing {

    private IrListing() {
    }

    /** Lower-case operation names, made once. */
    private static final String[] OP_NAMES = java.util.Arrays.stream(Op.values())
            .map(op -> op.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final List<String> SHAPES = List.of("rows", "cols", "size", "ndim");

    /** The whole program: prelude, body, init prelude and init. */
    public static String of(Program p) {
        StringBuilder sb = new StringBuilder(1024);
        appendTo(sb, p);
        return sb.toString();
    }

    /** {@link #of} appended to {@code sb} (one buffer for a whole digest, {@link ProgramDigest}). */
    static void appendTo(StringBuilder sb, Program p) {
        section(sb, "prelude (double, once per step)", p.prelude(), '$', p);
        section(sb, "body (float32, once per weight)", p.body(), '%', p);
        section(sb, "init prelude (double, once per new state)", p.initPrelude(), '$', p);
        section(sb, "init (float32, once per weight of a new state)", p.init(), '%', p);
    }

    private static void section(StringBuilder sb, String title, Block block, char sigil, Program p) {
        sb.append(title).append(":\n");
        if (block.size() == 0 && block.outputs().isEmpty()) {
            sb.append("  (empty)\n");
            return;
        }
        appendBlock(sb, block, sigil, p);
    }

    /** One block; {@code p} supplies names for hyperparameters and states (may be null). */
    public static String block(Block block, char sigil, Program p) {
        StringBuilder sb = new StringBuilder();
        appendBlock(sb, block, sigil, p);
        return sb.toString();
    }

    /** {@link #block} appended to {@code sb}. */
    static void appendBlock(StringBuilder sb, Block block, char sigil, Program p) {
        List<Insn> insns = block.insns();
        for (int k = 0; k < insns.size(); k++) {
            sb.append("  ").append(sigil).append(k).append(" = ");
            insn(sb, insns.get(k), sigil, p);
            sb.append('\n');
        }
        for (Output o : block.outputs()) {
            sb.append("  ");
            switch (o.target()) {
                case WEIGHT: sb.append("store w"); break;
                case STATE: sb.append("store ").append(stateName(p, o.slot())); break;
                case SCRATCH: sb.append("scratch #").append(o.slot()).append(" [i - from]"); break;
                case KEPT: sb.append("kept #").append(o.slot()).append(" [i - origin]"); break;
                default: sb.append("export u").append(o.slot()); break;
            }
            sb.append(" <- ").append(sigil).append(o.value()).append('\n');
        }
    }

    private static void insn(StringBuilder sb, Insn in, char sigil, Program p) {
        switch (in.op()) {
            case CONST: sb.append("const ").append(in.value()); return;
            case HYPER: sb.append("hyper ").append(hyperName(p, in.slot())); return;
            case STEP: sb.append('t'); return;
            case LOAD_W: sb.append("load w"); return;
            case LOAD_G: sb.append("load g"); return;
            case LOAD_S: sb.append("load ").append(stateName(p, in.slot())); return;
            case UNIFORM: sb.append("uniform u").append(in.slot()); return;
            case UNIFORM_BOOL: sb.append("uniform_bool u").append(in.slot()); return;
            case LOAD_R: sb.append("load column value #").append(in.slot()).append(" [i - from]"); return;
            case LOAD_K: sb.append("load kept value #").append(in.slot()).append(" [i - origin]"); return;
            case LOAD_T: sb.append("load orth #").append(in.slot()); return;
            case SHAPE: sb.append(SHAPES.get(in.slot())); return;
            case COARSE_STATE: sb.append("load ").append(stateName(p, in.slot())); return;
            case REDUCE: sb.append("reduce #").append(in.slot()).append(reduction(p, in.slot(), "%")); return;
            case REDUCE_OF:
                sb.append("reduce #").append(in.slot()).append(reduction(p, in.slot(), "$")).append(" of ")
                        .append(sigil).append(in.a());
                return;
            default:
                sb.append(OP_NAMES[in.op().ordinal()]);
                for (int k = 0; k < in.op().arity(); k++) {
                    sb.append(k == 0 ? " " : ", ").append(sigil).append(in.operand(k));
                }
        }
    }

    /** " (norm[all] of %12)" for reduction {@code slot} of {@code p}. */
    private static String reduction(Program p, int slot, String sigil) {
        if (p == null || slot >= p.reductions().size()) {
            return "";
        }
        ReductionSpec r = p.reductions().get(slot);
        return " (" + r.kind().spelling() + "[" + r.axis().spelling() + "]"
                + (r.perWeight() ? " of " + sigil + r.arg() : "") + ")";
    }

    private static String hyperName(Program p, int slot) {
        return p != null && slot < p.hypers().size() ? p.hypers().get(slot).name() : "#" + slot;
    }

    private static String stateName(Program p, int slot) {
        return p != null && slot < p.states().size() ? p.states().get(slot).name() : "state#" + slot;
    }
}
