package org.optjit.reference.tensor;

import java.util.List;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Values over all tensors (learning-rate estimates, averaging weights), which the language
 * keeps once per parameter group, each with its group's hyperparameters: the group index of
 * every tensor and a per-group stored state.
 */
final class GroupScalars {

    private final List<String> groups;
    private final int[] groupOf;

    GroupScalars(Layout layout) {
        groups = layout.groups();
        groupOf = new int[layout.tensors().size()];
        for (Tensor t : layout.tensors()) {
            groupOf[t.index()] = groups.indexOf(t.group());
        }
    }

    int count() {
        return groups.size();
    }

    String name(int group) {
        return groups.get(group);
    }

    /** The group index of tensor {@code t}. */
    int of(Tensor t) {
        return groupOf[t.index()];
    }

    /** The value of {@code name} for each group, by group index. */
    double[] hyper(TensorHypers h, String name, double published) {
        double[] v = new double[groups.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = h.get(groups.get(i), name, published);
        }
        return v;
    }

    /** A per-group state with the same initial value in every group. */
    float[] state(double[] initial) {
        float[] s = new float[groups.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) initial[i];
        }
        return s;
    }
}
