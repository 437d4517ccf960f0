package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text to a loaded sequence, as Keras's text_to_word_sequence and load_data's offsets. */
class WordIndexEncodeTest {

    @Test
    void textIsLowercasedFilteredSplitAndOffsetLikeLoadData() {
        assertThat(WordIndex.words("This movie -- was a WONDERFUL, surprise!\tYes")).containsExactly("this", "movie",
                "was", "a", "wonderful", "surprise", "yes");
        WordIndex index = new WordIndex(Map.of("the", 1, "movie", 17, "wonderful", 386, "rare", 9_998));
        // start 1; "the" 1 + 3; unknown "zzz" OOV 2; "rare" 9998 + 3 >= 10000 is OOV too
        assertThat(index.encode("The movie, zzz wonderful rare", 10_000)).containsExactly(1, 4, 20, 2, 389, 2);
        assertThat(index.encode("", 10_000)).containsExactly(1);
    }

    @Test
    void theRealImdbIndexEncodesTheFirstReviewAsLoaded() throws Exception {
        DataFiles files = DataFiles.builder().dataDir(Fixtures.realData("imdb.npz").getParent()).download(false).build();
        WordIndex index = WordIndex.imdb(files);
        assertThat(index.encode("this film was just brilliant", 10_000)).containsExactly(1, 14, 22, 16, 43, 530);
    }
}
