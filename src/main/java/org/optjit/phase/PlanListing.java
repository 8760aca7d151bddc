package org.optjit.phase;

import org.optjit.ir.IrListing;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Insn;
import org.optjit.ir.ReductionSpec;
import org.optjit.sema.Shape;

/** Renders a plan for {@code optjit explain}: the passes, what each reads and writes, and when. */
public final class PlanListing {

    private PlanListing() {
    }

    /** Who runs a tensor too large for one thread: all threads, in parts (the runtime's {@code SharedTensor}). */
    private static String sharing(Plan plan) {
        return " (one with more than a thread's share of the weights: by all threads"
                + (plan.anyRowWise() ? ", in whole rows" : "")
                + (plan.sumsDownColumns() ? " and blocks of a column's sums" : "")
                + (plan.program().orth().isEmpty() ? "" : "; orth's products split among them in panels of columns")
                + ")";
    }

    public static String of(Plan plan) {
        StringBuilder sb = new StringBuilder();
        int global = 0;
        for (boolean g : plan.global()) {
            global += g ? 1 : 0;
        }
        sb.append("passes over the weights: ").append(plan.passes().size()).append(", tensor by tensor")
                .append(sharing(plan));
        sb.append(global == 0 ? "" : "; " + global + " of the levels wait for every tensor ([all] reductions)")
                .append('\n');
        for (int k = 0; k < plan.passes().size(); k++) {
            Pass p = plan.passes().get(k);
            sb.append("  pass ").append(k).append(" (level ").append(p.level())
                    .append(plan.global()[p.level()] ? ", after every tensor's previous pass" : "")
                    .append(p.rowWise() ? ", row by row" : "").append("): reads ").append(reads(plan, p))
                    .append("; ").append(PassBytes.read(p)).append(" bytes read, ")
                    .append(PassBytes.written(p)).append(" written per weight\n");
            for (int s = 0; s < p.scratch().size(); s++) {
                ReductionSpec r = plan.program().reductions().get(p.scratch().get(s));
                Guard guard = plan.reductionGuards().get(p.scratch().get(s));
                sb.append("    accumulates ").append(r.kind().spelling()).append('[').append(r.axis().spelling())
                        .append("] -> one value ").append(r.shape() == Shape.ALL ? "for the step"
                                : r.shape().describe())
                        .append(guard.always() ? "" : ", only for tensors where " + guard)
                        .append(from(plan, p.sources().get(s)))
                        .append(p.striped().contains(s) ? "; the VECTOR kernel adds it up in registers" : "")
                        .append('\n');
            }
            if (p.stores()) {
                sb.append("    stores ").append(stores(plan, p)).append('\n');
            }
            for (int o : p.orth()) {
                Guard guard = plan.orthGuards().get(o);
                sb.append("    computes the argument of orth #").append(o)
                        .append(guard.always() ? "" : ", only for tensors where " + guard).append('\n');
            }
            int kept = kept(p);
            if (kept > 0) {
                sb.append("    keeps ").append(kept).append(" value(s) per weight for a later pass\n");
            }
        }
        java.util.List<BranchVariants> variants = BranchVariants.of(plan);
        for (int k = 0; k < variants.size(); k++) {
            BranchVariants bv = variants.get(k);
            if (bv.slots().length > 0) {
                String[] names = new String[bv.slots().length];
                for (int j = 0; j < names.length; j++) {
                    names[j] = "$" + plan.export()[bv.slots()[j]];
                }
                sb.append("  pass ").append(k).append(variants(bv, names));
            }
        }
        sb.append("pass bodies:\n");
        for (int k = 0; k < plan.passes().size(); k++) {
            sb.append("pass ").append(k).append(":\n")
                    .append(IrListing.block(plan.passes().get(k).body(), '%', plan.program()));
        }
        return sb.toString();
    }

    /**
     * The line {@code explain} gives an element-wise rule whose step runs as branch variants
     * ({@link BranchVariants#ofBody}), or an empty string.
     */
    public static String elementWiseVariants(org.optjit.ir.Program p) {
        BranchVariants bv = BranchVariants.ofBody(p.body());
        if (bv.slots().length == 0) {
            return "";
        }
        String[] names = new String[bv.slots().length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "u" + bv.slots()[j];
        }
        return "the step" + variants(bv, names);
    }

    private static String variants(BranchVariants bv, String[] names) {
        StringBuilder sb = new StringBuilder(" runs as ").append(bv.bodies().size())
                .append(" variants, one per value of ").append(String.join(", ", names))
                .append(" (each computes only its branches; bytes read/written per weight:");
        for (int v = 0; v < bv.bodies().size(); v++) {
            sb.append(v == 0 ? " " : ", ").append(PassBytes.read(bv.bodies().get(v))).append('/')
                    .append(PassBytes.written(bv.bodies().get(v)));
        }
        return sb.append(")\n").toString();
    }

/** Where a reduction's values are read, when the kernel does not store them for it. */
    private static String from(Plan plan, ReductionSource source) {
        return switch (source.kind()) {
            case KERNEL -> "";
            case WEIGHT -> " (sums w where it lies)";
            case GRADIENT -> " (sums g where it lies)";
            case STATE -> " (sums " + plan.program().states().get(source.index()).name() + " where it lies)";
            case KEPT -> " (sums the kept value)";
        };
    }

        private static String reads(Plan plan, Pass p) {
        StringBuilder sb = new StringBuilder();
        boolean w = false;
        boolean g = false;
        java.util.Set<Integer> states = new java.util.TreeSet<>();
        java.util.Set<Integer> buffers = new java.util.TreeSet<>();
        java.util.Set<Integer> kept = new java.util.TreeSet<>();
        for (Insn in : p.body().insns()) {
            w |= in.op() == Op.LOAD_W;
            g |= in.op() == Op.LOAD_G;
            if (in.op() == Op.LOAD_S) {
                (in.slot() < plan.program().states().size() ? states : buffers).add(in.slot());
            }
            if (in.op() == Op.LOAD_K) {
                kept.add(in.slot());
            }
        }
        for (ReductionSource source : p.sources()) {
            // an array a reduction sums where it lies is read too, even when the kernel does not load it
            w |= source.kind() == ReductionSource.Kind.WEIGHT;
            g |= source.kind() == ReductionSource.Kind.GRADIENT;
            if (source.kind() == ReductionSource.Kind.STATE) {
                states.add(source.index());
            }
        }
        if (w) {
            sb.append("w ");
        }
        if (g) {
            sb.append("g ");
        }
        sb.append(states.isEmpty() ? "" : states.size() + " state array(s) ");
        sb.append(buffers.isEmpty() ? "" : buffers.size() + " orth array(s) ");
        sb.append(kept.isEmpty() ? "" : kept.size() + " kept value(s) (from cache)");
        return sb.toString().trim();
    }

    private static String stores(Plan plan, Pass p) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Output o : p.body().outputs()) {
            if (o.target() == Output.Target.WEIGHT) {
                names.add(0, "w");
            } else if (o.target() == Output.Target.STATE && o.slot() < plan.program().states().size()) {
                names.add(plan.program().states().get(o.slot()).name());
            }
        }
        return String.join(", ", names);
    }

    /** The kept values a pass stores. */
    private static int kept(Pass p) {
        int n = 0;
        for (Output o : p.body().outputs()) {
            n += o.target() == Output.Target.KEPT ? 1 : 0;
        }
        return n;
    }
}
