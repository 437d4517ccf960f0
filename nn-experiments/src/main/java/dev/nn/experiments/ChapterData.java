package dev.nn.experiments;

import dev.nn.api.data.MultiHotRows;
import dev.nn.datasets.BostonHousing;
import dev.nn.datasets.DataFiles;
import dev.nn.datasets.Imdb;
import dev.nn.datasets.Reuters;
import dev.nn.datasets.TextOptions;
import dev.nn.datasets.TextSplit;
import dev.nn.datasets.WordIndex;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;

/** The data sets of Chapter 3, each loaded on first use with the book's arguments and kept for the run. */
@Singleton
public final class ChapterData {

    /** The book's {@code num_words=10000}. */
    public static final int NUM_WORDS = 10_000;

    private final DataFiles files;
    private TextSplit imdb;
    private TextSplit reuters;
    private BostonHousing.Data boston;
    private WordIndex imdbWords;
    private Vectorized imdbVectors;
    private Vectorized reutersVectors;

    /** A split's sequences multi-hot encoded over {@link #NUM_WORDS}, as the book's {@code vectorize_sequences}. */
    public record Vectorized(MultiHotRows train, MultiHotRows test) {
        static Vectorized of(TextSplit split) {
            return new Vectorized(split.train().multiHot(NUM_WORDS), split.test().multiHot(NUM_WORDS));
        }
    }

    @Inject
    public ChapterData(DataFiles files) {
        this.files = files;
    }

    public synchronized TextSplit imdb() throws IOException {
        if (imdb == null) {
            imdb = Imdb.load(files, TextOptions.defaults().withNumWords(NUM_WORDS));
        }
        return imdb;
    }

    public synchronized WordIndex imdbWordIndex() throws IOException {
        if (imdbWords == null) {
            imdbWords = WordIndex.imdb(files);
        }
        return imdbWords;
    }

    /** The IMDB reviews multi-hot encoded, once per run: every IMDB experiment trains on the same rows. */
    public synchronized Vectorized imdbMultiHot() throws IOException {
        if (imdbVectors == null) {
            imdbVectors = Vectorized.of(imdb());
        }
        return imdbVectors;
    }

    /** The Reuters newswires multi-hot encoded, once per run. */
    public synchronized Vectorized reutersMultiHot() throws IOException {
        if (reutersVectors == null) {
            reutersVectors = Vectorized.of(reuters());
        }
        return reutersVectors;
    }

    public synchronized TextSplit reuters() throws IOException {
        if (reuters == null) {
            reuters = Reuters.load(files, TextOptions.defaults().withNumWords(NUM_WORDS));
        }
        return reuters;
    }

    public synchronized BostonHousing.Data boston() throws IOException {
        if (boston == null) {
            boston = BostonHousing.load(files);
        }
        return boston;
    }
}
