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
        return new WordIndex(WordIndexJson.read(files.locate(KerasFile.IMDB_WORD_INDEX)));
    }

    /**
     * {@code reuters.get_word_index()}; {@code reuters_word_index.json} is not always at hand, and then the
     * {@link DatasetNotFoundException} names the file and where it was looked for.
     */
    public static WordIndex reuters(DataFiles files) throws IOException {
        return new WordIndex(WordIndexJson.read(files.locate(KerasFile.REUTERS_WORD_INDEX)));
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

    /** {@code " ".join(reverse_word_index.get(i - 3, "?") for i in sequence)}. */
    public String decode(int[] sequence) {
        StringJoiner out = new StringJoiner(" ");
        for (int v : sequence) {
            out.add(reverse.getOrDefault(v - 3, "?"));
        }
        return out.toString();
    }
}
