package dev.nn.experiments;

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
