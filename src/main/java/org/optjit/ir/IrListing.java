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

    /** The whole program: prelude, body, init prelude and init. */
    public static String of(Program p) {
        StringBuilder sb = new StringBuilder();
        section(sb, "prelude (double, once per step)", p.prelude(), '$', p);
        section(sb, "body (float32, once per weight)", p.body(), '%', p);
        section(sb, "init prelude (double, once per new state)", p.initPrelude(), '$', p);
        section(sb, "init (float32, once per weight of a new state)", p.init(), '%', p);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Block block, char sigil, Program p) {
        sb.append(title).append(":\n");
        if (block.size() == 0 && block.outputs().isEmpty()) {
            sb.append("  (empty)\n");
            return;
        }
        sb.append(block(block, sigil, p));
    }

    /** One block; {@code p} supplies names for hyperparameters and states (may be null). */
    public static String block(Block block, char sigil, Program p) {
        StringBuilder sb = new StringBuilder();
        List<Insn> insns = block.insns();
        for (int k = 0; k < insns.size(); k++) {
            sb.append("  ").append(sigil).append(k).append(" = ").append(insn(insns.get(k), sigil, p)).append('\n');
        }
        for (Output o : block.outputs()) {
            sb.append("  ");
            switch (o.target()) {
                case WEIGHT: sb.append("store w"); break;
                case STATE: sb.append("store ").append(stateName(p, o.slot())); break;
                case SCRATCH: sb.append("scratch #").append(o.slot()).append(" [i - from]"); break;
                default: sb.append("export u").append(o.slot()); break;
            }
            sb.append(" <- ").append(sigil).append(o.value()).append('\n');
        }
        return sb.toString();
    }

    private static String insn(Insn in, char sigil, Program p) {
        String op = in.op().name().toLowerCase(Locale.ROOT);
        switch (in.op()) {
            case CONST: return "const " + in.value();
            case HYPER: return "hyper " + hyperName(p, in.slot());
            case STEP: return "t";
            case LOAD_W: return "load w";
            case LOAD_G: return "load g";
            case LOAD_S: return "load " + stateName(p, in.slot());
            case UNIFORM: return "uniform u" + in.slot();
            case UNIFORM_BOOL: return "uniform_bool u" + in.slot();
            case LOAD_R: return "load column value #" + in.slot() + " [i - from]";
            case LOAD_T: return "load orth #" + in.slot();
            case SHAPE: return List.of("rows", "cols", "size", "ndim").get(in.slot());
            case COARSE_STATE: return "load " + stateName(p, in.slot());
            case REDUCE: return "reduce #" + in.slot() + reduction(p, in.slot(), "%");
            case REDUCE_OF: return "reduce #" + in.slot() + reduction(p, in.slot(), "$") + " of " + sigil + in.a();
            default:
                StringBuilder sb = new StringBuilder(op);
                for (int k = 0; k < in.op().arity(); k++) {
                    sb.append(k == 0 ? " " : ", ").append(sigil).append(in.operand(k));
                }
                return sb.toString();
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
