package org.optjit.reference.tensor;

import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * The hyperparameters the Adam family shares (lr, beta1, beta2, eps, weight_decay), one value
 * per tensor (its group's) or per group, with the published defaults of one rule.
 */
record AdamFamily(double[] lr, double[] beta1, double[] beta2, double[] eps, double[] weightDecay) {

    /** A rule's published defaults. */
    record Defaults(double lr, double beta1, double beta2, double eps, double weightDecay) {
    }

    /** By tensor index. */
    static AdamFamily perTensor(TensorHypers h, Layout layout, Defaults d) {
        int n = layout.tensors().size();
        String[] groups = new String[n];
        for (Tensor t : layout.tensors()) {
            groups[t.index()] = t.group();
        }
        return of(h, groups, d);
    }

    /** By group index ({@link GroupScalars}). */
    static AdamFamily perGroup(TensorHypers h, GroupScalars scalars, Defaults d) {
        String[] groups = new String[scalars.count()];
        for (int k = 0; k < groups.length; k++) {
            groups[k] = scalars.name(k);
        }
        return of(h, groups, d);
    }

    private static AdamFamily of(TensorHypers h, String[] groups, Defaults d) {
        int n = groups.length;
        AdamFamily p = new AdamFamily(new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            p.lr[k] = h.get(groups[k], "lr", d.lr());
            p.beta1[k] = h.get(groups[k], "beta1", d.beta1());
            p.beta2[k] = h.get(groups[k], "beta2", d.beta2());
            p.eps[k] = h.get(groups[k], "eps", d.eps());
            p.weightDecay[k] = h.get(groups[k], "weight_decay", d.weightDecay());
        }
        return p;
    }
}
