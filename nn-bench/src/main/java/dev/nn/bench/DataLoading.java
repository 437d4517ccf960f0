package dev.nn.bench;

import dev.nn.datasets.BostonHousing;
import dev.nn.datasets.DataFiles;
import dev.nn.datasets.Imdb;
import dev.nn.datasets.Preprocessing;
import dev.nn.datasets.Reuters;
import dev.nn.datasets.TextOptions;
import dev.nn.datasets.TextSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** Times loading the three real data sets with {@code num_words=10000} and vectorising them as the chapter does. */
final class DataLoading {

    private DataLoading() {
    }

    static void run(Path dataDir) {
        DataFiles files = DataFiles.builder().dataDir(dataDir).download(false).build();
        try {
            for (int round = 1; round <= 2; round++) { // the first round includes class loading and JIT warm-up
                Bench.resetPeak();
                long t0 = System.nanoTime();
                TextSplit imdb = Imdb.load(files, TextOptions.defaults().withNumWords(10_000));
                imdb.train().multiHot(10_000);
                imdb.test().multiHot(10_000);
                long t1 = System.nanoTime();
                TextSplit reuters = Reuters.load(files, TextOptions.defaults().withNumWords(10_000));
                reuters.train().multiHot(10_000);
                reuters.test().multiHot(10_000);
                reuters.train().intLabels(46).toOneHot();
                long t2 = System.nanoTime();
                BostonHousing.Data boston = BostonHousing.load(files);
                Preprocessing.standardize(boston.train().x(), boston.test().x());
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT,
                        "data load + vectorise (round %d): imdb %.3f s, reuters %.3f s, boston %.3f s, peak heap %d MB%n",
                        round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, Bench.peakHeap() >> 20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
