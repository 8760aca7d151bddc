package org.optjit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where a command's defaults differ from {@code train}'s, for the options the user left
 * out: {@code compare} runs a small, quick setup by default, and says so at the start of
 * the run and in its summary, so that nobody takes its figures for {@code train}'s.
 */
final class DefaultDifferences {

    private DefaultDifferences() {
    }

    /** One line per option, e.g. "--batch 10 (train: 128)". */
    static List<String> of(RunOptions o, RunDefaults mine, RunDefaults train, boolean classification) {
        List<String> out = new ArrayList<>();
        if (o.data == null && !mine.data().equals(train.data())) {
            out.add("--data " + mine.data() + " (train: " + train.data() + ")");
        }
        if (o.limit == null && !Arrays.equals(mine.limits(), train.limits())) {
            out.add("--limit " + limits(mine.limits()) + " (train: " + limits(train.limits()) + ")");
        }
        int[] a = classification ? mine.classifierHidden() : mine.encoderHidden();
        int[] b = classification ? train.classifierHidden() : train.encoderHidden();
        if (o.layers == null && !Arrays.equals(a, b)) {
            out.add("--layers <inputs>-" + join(a) + (classification ? "-<classes>" : "") + " (train: <inputs>-" + join(b)
                    + (classification ? "-<classes>" : "") + ")");
        }
        if (o.epochs == null && mine.epochs() != train.epochs()) {
            out.add("--epochs " + mine.epochs() + " (train: " + train.epochs() + ")");
        }
        if (o.batch == null && !mine.batch().equals(train.batch())) {
            out.add("--batch " + mine.batch() + " (train: " + train.batch() + ")");
        }
        if (o.init == null && mine.init() != train.init()) {
            out.add("--init " + Choices.name(mine.init()) + " (train: " + Choices.name(train.init()) + ")");
        }
        return out;
    }

    private static String limits(int[] l) {
        return IntStream.of(l).allMatch(v -> v == 0) ? "none" : join(l).replace('-', ',');
    }

    private static String join(int[] sizes) {
        return IntStream.of(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }
}
