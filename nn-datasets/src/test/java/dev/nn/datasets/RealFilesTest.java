package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nn.datasets.io.Npz;
import dev.nn.datasets.io.NpyArray;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Keras files of ../shared/data, against the book and the numpy oracle. */
class RealFilesTest {

    private static DataFiles files;

    @BeforeAll
    static void dataDir() {
        Path imdb = Fixtures.realData("imdb.npz");
        files = DataFiles.builder().dataDir(imdb.getParent()).download(false).build();
    }

    @Test
    void seed113PermutationsEqualNumpysForAllFiveArrays() throws Exception {
        Map<String, NpyArray> oracle = Npz.read(Fixtures.realData("derived/keras_seed113_permutations.npz"));
        assertThat(perm(oracle, "boston_n506")).containsExactly(new NumpyRandomState(113).permutation(506));
        assertThat(perm(oracle, "reuters_n11228")).containsExactly(new NumpyRandomState(113).permutation(11228));
        NumpyRandomState imdb = new NumpyRandomState(113);
        assertThat(perm(oracle, "imdb_train_n25000")).containsExactly(imdb.permutation(25000));
        assertThat(perm(oracle, "imdb_test_n25000_second_draw")).containsExactly(imdb.permutation(25000));
        assertThat(perm(oracle, "imdb_test_n25000_keras20x_seed226"))
                .containsExactly(new NumpyRandomState(226).permutation(25000));
        assertThat(Arrays.copyOf(new NumpyRandomState(113).permutation(506), 5)).containsExactly(22, 202, 368, 335, 461);
    }

    private static int[] perm(Map<String, NpyArray> oracle, String key) {
        return Arrays.stream(oracle.get(key).longs()).mapToInt(Math::toIntExact).toArray();
    }

    @Test
    void imdbMatchesTheBook() throws Exception {
        TextSplit imdb = Imdb.load(files, TextOptions.defaults().withNumWords(10_000));
        assertThat(imdb.train().size()).isEqualTo(25_000);
        assertThat(imdb.test().size()).isEqualTo(25_000);
        assertThat(Arrays.copyOf(imdb.train().sequences()[0], 12))
                .containsExactly(1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65, 458, 4468);
        assertThat(Arrays.copyOf(imdb.train().labels(), 10)).containsExactly(1, 0, 0, 1, 0, 0, 1, 0, 1, 0);
        assertThat(Arrays.stream(imdb.train().sequences()).flatMapToInt(Arrays::stream).max().orElseThrow())
                .isLessThan(10_000);
        String text = WordIndex.imdb(files).decode(imdb.train().sequences()[0]);
        assertThat(text).startsWith("? this film was just brilliant casting location scenery story direction");
    }

    @Test
    void imdbDefaultVocabularyTurnsTheTopRankIntoOov() throws Exception {
        TextSplit all = Imdb.load(files, TextOptions.defaults());
        int max = Arrays.stream(all.train().sequences()).flatMapToInt(Arrays::stream).max().orElseThrow();
        assertThat(max).isLessThan(88_587);
    }

    @Test
    void maxlenZeroKeepsEverySequenceAsKerasDoes() throws Exception {
        // Keras: `if maxlen:` -- 0, like None, filters nothing
        TextSplit zero = Reuters.load(files, TextOptions.defaults().withNumWords(10_000).withMaxlen(0));
        assertThat(zero.train().size()).isEqualTo(8_982);
        assertThat(zero.test().size()).isEqualTo(2_246);
        TextSplit short100 = Reuters.load(files, TextOptions.defaults().withNumWords(10_000).withMaxlen(100));
        assertThat(short100.train().size() + short100.test().size()).isLessThan(11_228).isGreaterThan(0);
        assertThat(Arrays.stream(short100.train().sequences()).mapToInt(q -> q.length).max().orElseThrow())
                .isLessThan(100);
    }

    @Test
    void reutersMatchesTheBook() throws Exception {
        TextSplit reuters = Reuters.load(files, TextOptions.defaults().withNumWords(10_000));
        assertThat(reuters.train().size()).isEqualTo(8_982);
        assertThat(reuters.test().size()).isEqualTo(2_246);
        assertThat(Arrays.copyOf(reuters.train().sequences()[0], 13))
                .containsExactly(1, 2, 2, 8, 43, 10, 447, 5, 25, 207, 270, 5, 3095);
        assertThat(reuters.train().labels()[10]).isEqualTo(3);
        assertThat(Reuters.LABELS.get(3)).isEqualTo("earn");
    }

    @Test
    void bostonMatchesTheBook() throws Exception {
        BostonHousing.Data boston = BostonHousing.load(files);
        assertThat(boston.train().x()).hasNumberOfRows(404);
        assertThat(boston.test().x()).hasNumberOfRows(102);
        assertThat(boston.train().x()[0]).containsExactly(
                new double[] {1.23247, 0, 8.14, 0, 0.538, 6.142, 91.7, 3.9769, 4, 307, 21, 396.9, 18.72}, within(1e-9));
        assertThat(Arrays.copyOf(boston.train().y(), 3)).containsExactly(new double[] {15.2, 42.3, 50.0}, within(1e-9));
        Preprocessing.Standardized s = Preprocessing.standardize(boston.train().x(), boston.test().x());
        double colMean = 0;
        for (int i = 0; i < 404; i++) {
            colMean += s.train().get(i, 5);
        }
        assertThat(colMean / 404).isCloseTo(0, within(1e-5));
    }

    @Test
    void theReutersWordIndexIsMissingAndTheErrorSaysWhere() {
        DataFiles local = DataFiles.builder().dataDir(Fixtures.realData("imdb.npz").getParent())
                .cacheDir(Path.of("target/no-cache")).download(false).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordIndex.reuters(local))
                .isInstanceOf(DatasetNotFoundException.class).hasMessageContaining("reuters_word_index.json")
                .hasMessageContaining("shared/data").hasMessageContaining("no-cache");
    }
}
