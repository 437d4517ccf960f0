package dev.nn.datasets;

/**
 * The arguments of Keras's {@code imdb.load_data} / {@code reuters.load_data}, with Keras's defaults.
 * {@code null} stands for Python's {@code None}.
 *
 * <pre>{@code
 * TextOptions.defaults().withNumWords(10_000)   // the book's load_data(num_words=10000)
 * }</pre>
 *
 * @param numWords  keep the {@code numWords - 1} most frequent ranks; others become {@code oovChar}; null keeps all
 * @param skipTop   ranks below this also become {@code oovChar}
 * @param maxlen    keep only sequences shorter than this (start char counted); null or 0 keeps all, as Keras's
 *                  {@code if maxlen:}
 * @param seed      seed of numpy's {@code RandomState} shuffle
 * @param startChar prepended to every sequence; null prepends nothing
 * @param oovChar   replaces dropped ranks; null removes them
 * @param indexFrom added to every raw rank
 * @param testSplit Reuters only: the fraction held out for testing
 */
public record TextOptions(Integer numWords, int skipTop, Integer maxlen, long seed, Integer startChar,
        Integer oovChar, int indexFrom, double testSplit) {

    public TextOptions {
        if (testSplit < 0 || testSplit > 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for testSplit, expected a number in [0, 1]. Received: testSplit=" + testSplit);
        }
        if (skipTop < 0) {
            throw new IllegalArgumentException(
                    "Received an invalid value for skipTop, expected a non-negative integer. Received: skipTop=" + skipTop);
        }
    }

    /** {@code num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2, index_from=3, test_split=0.2}. */
    public static TextOptions defaults() {
        return new TextOptions(null, 0, null, 113, 1, 2, 3, 0.2);
    }

    public TextOptions withNumWords(Integer numWords) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withSkipTop(int skipTop) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withMaxlen(Integer maxlen) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withSeed(long seed) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withStartChar(Integer startChar) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withOovChar(Integer oovChar) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withIndexFrom(int indexFrom) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }

    public TextOptions withTestSplit(double testSplit) {
        return new TextOptions(numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, testSplit);
    }
}
