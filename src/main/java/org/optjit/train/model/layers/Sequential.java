package org.optjit.train.model.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Layers applied one after another, itself a layer. Tensors are named
 * {@code <part><n>.<tensor>}, e.g. {@code conv1.weights}, {@code block2.attention.qkv.weights};
 * each part is named by the caller.
 */
public final class Sequential extends Layer<Sequential.Scratch> {

    /** A part and its name. */
    public record Part(String name, Layer<?> layer) {
    }

    /** Each part's output and output gradient (the last part's are the caller's), and its scratch. */
    public static final class Scratch {
        final float[][] out, dOut;
        final Object[] parts;

        Scratch(List<Part> parts, int rows) {
            int n = parts.size();
            out = new float[n][];
            dOut = new float[n][];
            this.parts = new Object[n];
            for (int i = 0; i < n; i++) {
                Layer<?> l = parts.get(i).layer();
                if (i < n - 1) {
                    out[i] = new float[rows * l.outputSize()];
                    dOut[i] = new float[rows * l.outputSize()];
                }
                this.parts[i] = l.newScratch(rows);
            }
        }
    }

    private final List<Part> parts;
    private final List<TensorSpec> tensors;

    public Sequential(List<Part> parts) {
        super(parts.get(0).layer().inputSize(), parts.get(parts.size() - 1).layer().outputSize());
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).layer().inputSize() != parts.get(i - 1).layer().outputSize()) {
                throw new IllegalArgumentException(parts.get(i).name() + " takes " + parts.get(i).layer().inputSize()
                        + " values, " + parts.get(i - 1).name() + " gives " + parts.get(i - 1).layer().outputSize());
            }
        }
        this.parts = List.copyOf(parts);
        List<TensorSpec> all = new ArrayList<>();
        for (Part p : parts) {
            for (TensorSpec t : p.layer().tensors()) {
                all.add(t.named(p.name() + "." + t.name()));
            }
        }
        this.tensors = List.copyOf(all);
    }

    public List<Part> parts() {
        return parts;
    }

    @Override
    public List<TensorSpec> tensors() {
        return tensors;
    }

    @Override
    public void place(int base) {
        super.place(base);
        for (Part p : parts) {
            p.layer().place(base);
            base += p.layer().parameterCount();
        }
    }

    @Override
    public Scratch newScratch(int rows) {
        return new Scratch(parts, rows);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Scratch s) {
        float[] in = x;
        for (int i = 0; i < parts.size(); i++) {
            float[] out = i == parts.size() - 1 ? y : s.out[i];
            forward(parts.get(i).layer(), params, in, out, m, s.parts[i]);
            in = out;
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Scratch s) {
        float[] d = dy;
        for (int i = parts.size() - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : s.out[i - 1], out = i == parts.size() - 1 ? y : s.out[i];
            float[] dIn = i == 0 ? dx : s.dOut[i - 1];
            backward(parts.get(i).layer(), params, grad, in, out, d, dIn, m, s.parts[i]);
            d = dIn;
        }
    }

    // One unchecked cast, here: each part's scratch was made by that part's newScratch.
    @SuppressWarnings("unchecked")
    private static <S> void forward(Layer<S> l, float[] p, float[] x, float[] y, int m, Object s) {
        l.forward(p, x, y, m, (S) s);
    }

    @SuppressWarnings("unchecked")
    private static <S> void backward(Layer<S> l, float[] p, float[] g, float[] x, float[] y, float[] dy, float[] dx, int m,
                                     Object s) {
        l.backward(p, g, x, y, dy, dx, m, (S) s);
    }

    @Override
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        for (Part p : parts) {
            j.add(p.layer().describe());
        }
        return j.toString();
    }
}
