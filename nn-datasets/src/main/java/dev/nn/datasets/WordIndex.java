package dev.nn.datasets;

import dev.nn.datasets.io.WordIndexJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Keras word index (word to rank, "the" = 1) and the book's decoding of a loaded sequence: a value
 * {@code v} is the word of rank {@code v - 3}; 0, 1 and 2 (padding, start, out-of-vocabulary) print as {@code ?}.
 */
public final class WordIndex {

    private final Map<String, Integer> index;
    private final Map<Integer, String> reverse = new HashMap<>();

    public WordIndex(Map<String, Integer> index) {
        this.index = Map.copyOf(index);
        index.forEach((w, r) -> reverse.put(r, w));
    }

    /** {@code imdb.get_word_index()}. */
    public static WordIndex imdb(DataFiles files) throws IOException {
        return new WordIndex(WordIndexJson.read(files.read(KerasFile.IMDB_WORD_INDEX), KerasFile.IMDB_WORD_INDEX.fileName()));
    }

    /**
     * {@code reuters.get_word_index()}; {@code reuters_word_index.json} is not always at hand, and then the
     * {@link DatasetNotFoundException} names the file and where it was looked for.
     */
    public static WordIndex reuters(DataFiles files) throws IOException {
        return new WordIndex(WordIndexJson.read(files.read(KerasFile.REUTERS_WORD_INDEX), KerasFile.REUTERS_WORD_INDEX.fileName()));
    }

    public static WordIndex read(Path json) throws IOException {
        return new WordIndex(WordIndexJson.read(json));
    }

    public int size() {
        return index.size();
    }

    /** The rank of {@code word}, or -1. */
    public int rank(String word) {
        return index.getOrDefault(word, -1);
    }

    /** Keras's {@code text_to_word_sequence} filter: these characters become spaces. */
    private static final String FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /**
     * Keras's classic {@code text_to_word_sequence}: lower case, every filter character a space, split on
     * spaces, empty words dropped.
     */
    public static java.util.List<String> words(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append(FILTERS.indexOf(c) >= 0 ? ' ' : c);
        }
        return java.util.Arrays.stream(b.toString().split(" ")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * {@code text} as {@code load_data(num_words=numWords)} would have loaded it: the start char 1, then each
     * word's rank + 3 ({@code index_from}), and the OOV char 2 for a word not in the index or whose value would
     * be {@code >= numWords}.
     */
    public int[] encode(String text, int numWords) {
        java.util.List<String> words = words(text);
        int[] seq = new int[words.size() + 1];
        seq[0] = 1;
        for (int i = 0; i < words.size(); i++) {
            int r = rank(words.get(i));
            int v = r < 1 ? 2 : r + 3;
            seq[i + 1] = v < numWords ? v : 2;
        }
        return seq;
    }

    /** {@code " ".join(reverse_word_index.get(i - 3, "?") for i in sequence)}. */
    public String decode(int[] sequence) {
        StringJoiner out = new StringJoiner(" ");
        for (int v : sequence) {
            out.add(reverse.getOrDefault(v - 3, "?"));
        }
        return out.toString();
    }
}
