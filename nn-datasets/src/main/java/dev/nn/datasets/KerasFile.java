package dev.nn.datasets;

import java.util.Locale;

/** The files Keras downloads for Chapter 3, with the hashes from the Keras source ({@code keras/src/datasets/*.py}). */
public enum KerasFile {
    IMDB("imdb.npz", "SHA-256", "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f", 17_464_789),
    IMDB_WORD_INDEX("imdb_word_index.json", "MD5", "bfafd718b763782e994055a2d397834f", 1_641_221),
    REUTERS("reuters.npz", "SHA-256", "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916", 2_110_848),
    // its size is not recorded here: a cap well above any word index of 30,980 entries
    REUTERS_WORD_INDEX("reuters_word_index.json", "MD5", "4d44cc38712099c9e383dc6e5f11a921", 4 << 20),
    BOSTON_HOUSING("boston_housing.npz", "SHA-256", "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5",
            57_026);

    /** Keras's download origin for all of them. */
    public static final String ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    private final String fileName;
    private final String hashAlgorithm;
    private final String hash;

    private final long maxBytes;

    KerasFile(String fileName, String hashAlgorithm, String hash, long maxBytes) {
        this.fileName = fileName;
        this.hashAlgorithm = hashAlgorithm;
        this.hash = hash;
        this.maxBytes = maxBytes;
    }

    /** The most a download of this file may bring: its known size (a larger body is refused as it arrives). */
    public long maxBytes() {
        return maxBytes;
    }

    public String fileName() {
        return fileName;
    }

    /** {@code SHA-256} or {@code MD5}, as Keras declares it. */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** Lower-case hex digest. */
    public String hash() {
        return hash.toLowerCase(Locale.ROOT);
    }

    public String origin() {
        return ORIGIN + fileName;
    }
}
