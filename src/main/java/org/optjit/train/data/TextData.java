package org.optjit.train.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * A character-level language-model set from a UTF-8 text file ({@code text:FILE}): the
 * vocabulary is the file's distinct characters (code points, in order), and an example is a
 * window of {@code context + 1} consecutive characters (the model predicts characters 1 ..
 * context from those before). Windows start every {@code context} characters; the first 90%
 * of the text gives the training windows, the next 5% validation, the last 5% test. Each
 * row's label is its last character (the classes are the vocabulary), which balanced
 * mini-batches use.
 */
public final class TextData {

    private TextData() {
    }

    static Splits load(Path file, int context, Limits limits) {
        int[] text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .codePoints().toArray();
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage());
        }
        TreeSet<Integer> chars = new TreeSet<>();
        for (int c : text) {
            chars.add(c);
        }
        int[] vocabulary = chars.stream().mapToInt(Integer::intValue).toArray();
        if (vocabulary.length < 2) {
            throw new DataException(file + ": a language model needs at least two distinct characters");
        }
        int[] ids = new int[text.length];
        for (int i = 0; i < text.length; i++) {
            ids[i] = java.util.Arrays.binarySearch(vocabulary, text[i]);
        }
        String name = "text:" + (file.getFileName() == null ? file : file.getFileName());
        int trainEnd = (int) (text.length * 0.9), valEnd = (int) (text.length * 0.95);
        Dataset train = windows(name, ids, 0, trainEnd, context, vocabulary.length, limits.train());
        Dataset val = windows(name, ids, trainEnd, valEnd, context, vocabulary.length, limits.validation());
        Dataset test = windows(name, ids, valEnd, text.length, context, vocabulary.length, limits.test());
        if (train.size() == 0 || val.size() == 0 || test.size() == 0) {
            throw new DataException(file + ": " + text.length + " characters are too few for windows of " + (context + 1)
                    + " in each of the training (90%), validation and test (5% each) parts");
        }
        return new Splits(train, val, test);
    }

    private static Dataset windows(String name, int[] ids, int from, int to, int context, int classes, int cap) {
        int n = Limits.cap(Math.max(0, (to - from - 1) / context), cap);
        int w = context + 1;
        float[] x = new float[n * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int start = from + i * context;
            for (int t = 0; t < w; t++) {
                x[i * w + t] = ids[start + t];
            }
            y[i] = ids[start + context];
        }
        return new Dataset(name, x, w, y, classes);
    }
}
