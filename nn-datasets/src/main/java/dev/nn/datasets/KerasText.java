package dev.nn.datasets;

import java.util.ArrayList;
import java.util.List;

/** The steps {@code imdb.load_data} and {@code reuters.load_data} share, in Keras's order. */
final class KerasText {

    private KerasText() {
    }

    /** {@code x[perm], y[perm]}: Keras shuffles {@code arange(n)} and indexes with it. */
    /**
     * {@code x[perm], y[perm]}, after checking what Keras trusts blindly: as many labels as sequences, at least one,
     * and every label a class index (non-negative, an int).
     */
    static Sequences permute(String file, String member, int[][] x, long[] y, int[] perm)
            throws dev.nn.datasets.io.DatasetFormatException {
        if (x.length != y.length) {
            throw new dev.nn.datasets.io.DatasetFormatException(file, member, x.length + " sequences but " + y.length
                    + " labels; expected one label per sequence");
        }
        if (x.length == 0) {
            throw new dev.nn.datasets.io.DatasetFormatException(file, member, "holds no sequences");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > Integer.MAX_VALUE) {
                throw new dev.nn.datasets.io.DatasetFormatException(file, member, "label " + i + " is " + y[i]
                        + "; expected a class index from 0 to " + Integer.MAX_VALUE);
            }
        }
        int[][] xs = new int[perm.length][];
        int[] ys = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
            xs[k] = x[perm[k]];
            ys[k] = (int) y[perm[k]];
        }
        return new Sequences(xs, ys);
    }

    /** Start char and index offset; then the {@code maxlen} filter (strictly shorter, nothing truncated). */
    static Sequences offsetAndFilter(Sequences s, TextOptions o) {
        List<int[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            int[] raw = s.sequences()[i];
            int[] seq;
            if (o.startChar() != null) {
                seq = new int[raw.length + 1];
                seq[0] = o.startChar();
                for (int k = 0; k < raw.length; k++) {
                    seq[k + 1] = raw[k] + o.indexFrom();
                }
            } else {
                seq = new int[raw.length];
                for (int k = 0; k < raw.length; k++) {
                    seq[k] = raw[k] + o.indexFrom();
                }
            }
            // Keras: `if maxlen:` -- None and 0 keep every sequence
            if (o.maxlen() == null || o.maxlen() == 0 || seq.length < o.maxlen()) {
                xs.add(seq);
                ys.add(s.labels()[i]);
            }
        }
        return new Sequences(xs.toArray(int[][]::new), ys.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The vocabulary cut. A null or zero {@code numWords} becomes the largest value present, a Keras quirk
     * that turns that one top value into {@code oovChar} (the test {@code w < num_words} is strict).
     * With an {@code oovChar} the rows are rewritten in place: {@code s} must be the loader's own copy,
     * as {@link #offsetAndFilter} returns it.
     */
    static Sequences cut(Sequences s, TextOptions o, int numWords) {
        int[][] out = new int[s.size()][];
        for (int i = 0; i < out.length; i++) {
            int[] seq = s.sequences()[i];
            if (o.oovChar() != null) {
                int oov = o.oovChar();
                int skipTop = o.skipTop();
                for (int k = 0; k < seq.length; k++) {
                    int w = seq[k];
                    seq[k] = skipTop <= w && w < numWords ? w : oov;
                }
                out[i] = seq;
            } else {
                out[i] = java.util.Arrays.stream(seq).filter(w -> o.skipTop() <= w && w < numWords).toArray();
            }
        }
        return new Sequences(out, s.labels());
    }

    static int numWords(TextOptions o, Sequences... splits) {
        if (o.numWords() != null && o.numWords() != 0) {
            return o.numWords();
        }
        int max = 0;
        for (Sequences s : splits) {
            for (int[] seq : s.sequences()) {
                for (int w : seq) {
                    max = Math.max(max, w);
                }
            }
        }
        return max;
    }
}
