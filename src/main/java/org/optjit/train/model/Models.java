package org.optjit.train.model;

import java.util.ArrayList;
import java.util.List;
import org.optjit.train.model.layers.CausalSelfAttention;
import org.optjit.train.model.layers.Conv2d;
import org.optjit.train.model.layers.Dense;
import org.optjit.train.model.layers.Embedding;
import org.optjit.train.model.layers.LastPosition;
import org.optjit.train.model.layers.LayerNorm;
import org.optjit.train.model.layers.Pointwise;
import org.optjit.train.model.layers.Pool2d;
import org.optjit.train.model.layers.Residual;
import org.optjit.train.model.layers.Sequential;
import org.optjit.train.model.layers.Sequential.Part;
import org.optjit.train.model.layers.Shape;

/** The layered models of {@code --model}: LeNet-5 and a decoder-only pre-LN transformer. */
public final class Models {

    /** Examples per lane chunk of LeNet-5: its im2col buffers stay near 16 MB per lane. */
    static final int LENET_CHUNK = 64;
    /**
     * The fewest examples per lane of LeNet-5: 32 still gives its products thousands of rows
     * (one per output pixel), and a mini-batch of 64 then runs on two cores, not one.
     */
    static final int LENET_LANE_ROWS = 32;
    /** A transformer chunk holds at most about this many position vectors of activations. */
    static final int TRANSFORMER_POSITIONS_PER_CHUNK = 4096;

    private Models() {
    }

    /**
     * LeNet-5 in the shape of Deeplearning4j's LeNet example: conv 5x5x20, max-pool 2,
     * conv 5x5x50, max-pool 2, dense 500 ReLU, softmax over {@code classes} (the
     * convolutions are linear, as there). Images are square with one channel.
     */
    public static LayerModel lenet5(int inputs, int classes) {
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            throw new IllegalArgumentException("lenet5 needs square one-channel images; the data has " + inputs
                    + " inputs");
        }
        Conv2d c1 = new Conv2d(new Shape(side, side, 1), 20, 5, 1, 0);
        Pool2d p1 = new Pool2d(Pool2d.Kind.MAX, c1.outputShape(), 2, 2);
        Conv2d c2 = new Conv2d(p1.outputShape(), 50, 5, 1, 0);
        Pool2d p2 = new Pool2d(Pool2d.Kind.MAX, c2.outputShape(), 2, 2);
        int flat = p2.outputShape().size();
        Sequential net = new Sequential(List.of(new Part("conv1", c1), new Part("pool1", p1), new Part("conv2", c2),
                new Part("pool2", p2), new Part("dense1", new Dense(flat, 500)),
                new Part("relu1", new Pointwise(Pointwise.Kind.RELU, 500)), new Part("dense2", new Dense(500, classes))));
        return new LayerModel(net, new ClassifierHead(classes), "lenet5 " + side + "x" + side + ": " + net.describe()
                + ", softmax cross-entropy", LENET_CHUNK, LENET_LANE_ROWS);
    }

    /**
     * A decoder-only pre-LayerNorm transformer (GPT-2's block order, Radford et al. 2019):
     * token and position embeddings, {@code layers} blocks of
     * {@code x += attention(LN(x)); x += W2 gelu(W1 LN(x))}, a final LayerNorm, then
     * {@code classes} logits at the last position (a sequence classifier, e.g. modular
     * addition) or {@code vocabulary} logits at every position (a language model, with
     * rows of {@code context + 1} tokens).
     */
    public static LayerModel transformer(TransformerShape s, int vocabulary, int classes, boolean languageModel) {
        int d = s.width(), t = s.context();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("embedding", new Embedding(vocabulary, d, t, languageModel ? t + 1 : t)));
        for (int b = 1; b <= s.layers(); b++) {
            Sequential attention = new Sequential(List.of(new Part("norm", new LayerNorm(d, t)),
                    new Part("attention", new CausalSelfAttention(d, s.heads(), t))));
            Sequential mlp = new Sequential(List.of(new Part("norm", new LayerNorm(d, t)),
                    new Part("up", new Dense(d, s.mlpWidth(), t, true)),
                    new Part("gelu", new Pointwise(Pointwise.Kind.GELU, s.mlpWidth() * t)),
                    new Part("down", new Dense(s.mlpWidth(), d, t, true))));
            parts.add(new Part("block" + b + ".attn", new Residual(attention)));
            parts.add(new Part("block" + b + ".mlp", new Residual(mlp)));
        }
        parts.add(new Part("norm", new LayerNorm(d, t)));
        Head head;
        if (languageModel) {
            parts.add(new Part("unembed", new Dense(d, vocabulary, t, true)));
            head = new NextTokenHead(vocabulary, t);
        } else {
            parts.add(new Part("last", new LastPosition(d, t)));
            parts.add(new Part("unembed", new Dense(d, classes)));
            head = new ClassifierHead(classes);
        }
        int chunk = Math.max(1, Math.min(Lanes.MIN_LANE_ROWS, TRANSFORMER_POSITIONS_PER_CHUNK / t));
        return new LayerModel(new Sequential(parts), head, "transformer " + s + (languageModel
                ? ", vocabulary " + vocabulary + ", " + head.describe() : ", " + classes + " classes at the last position"),
                chunk, Lanes.MIN_LANE_ROWS);
    }
}
