package dev.nn.backend.nd4j;

import dev.nn.api.data.MultiHotRows;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multi-hot batch restricted to the words it uses. A batch of real newswires uses few of the 10,000 words
 * (Reuters: 28 % of them in a batch of 128, 56 % in a batch of 512; IMDB 69 % in 512), and every other
 * column of its densified form is zero. So the first layer's products run over the batch's words only:
 * forward {@code x_U (rows x |U|) x W[U]}, with the kernel's rows gathered by ND4J ({@code pullRows}), and
 * the kernel gradient {@code x_U^T x grad}, whose rows are copied into the zeroed gradient at their words.
 * Every sum has the same terms as the full product (the dropped columns contribute exact zeros), in
 * OpenBLAS's order rather than the full product's.
 *
 * <p>Measured on the project's 2-core machine, per step, against the full products: reuters-512 (128 rows,
 * 512 units, |U| about 2,800) 5.6 ms instead of 18.2; Reuters at 512 rows and 64 units 7.3 instead of 14.9;
 * IMDB's 16 units gain nothing (its transposed full products stay).
 */
final class CompactBatch implements AutoCloseable {

    /** The batch's words, ascending. */
    final int[] words;
    /** The batch over its words: rows x words.length, ones where the batch has them. */
    final INDArray x;

    private final Scratch scratch;

    private CompactBatch(int[] words, INDArray x, Scratch scratch) {
        this.words = words;
        this.x = x;
        this.scratch = scratch;
    }

    /**
     * The compact form of {@code rows} when it uses at most three quarters of the vocabulary, else null (the
     * gather and scatter would cost more than the columns saved).
     */
    static CompactBatch of(MultiHotRows rows, Scratch scratch) {
        int k = rows.cols();
        int[] idx = rows.indices();
        int[] position = new int[k];
        java.util.Arrays.fill(position, -1);
        for (int p = 0; p < rows.nonZeros(); p++) {
            position[idx[p]] = 0;
        }
        int u = 0;
        for (int j = 0; j < k; j++) {
            if (position[j] == 0) {
                position[j] = u++;
            }
        }
        if (u == 0 || (long) u * 4 > (long) k * 3) {
            return null;
        }
        int[] words = new int[u];
        for (int j = 0; j < k; j++) {
            if (position[j] >= 0) {
                words[position[j]] = j;
            }
        }
        INDArray x = scratch.lend(rows.rows(), u);
        x.assign(0);
        Nd4jMemory.setOnes(x, rows, position, 1f);
        return new CompactBatch(words, x, scratch);
    }

    /** {@code kernel[words]} (|U| x units), in an array lent by the scratch: give it back with {@link #giveBack}. */
    INDArray gather(INDArray kernel) {
        INDArray w = scratch.lend(words.length, kernel.columns());
        Nd4j.pullRows(kernel, w, 1, words);
        return w;
    }

    /** An array of |U| x {@code units} lent by the scratch (undefined contents). */
    INDArray rowsOfWords(long units) {
        return scratch.lend(words.length, units);
    }

    void giveBack(INDArray lentArray) {
        scratch.giveBack(lentArray);
    }

    /** Zeroes {@code out} (vocabulary x units, c-order, contiguous) and copies row i of {@code rowsOfWords} to row words[i]. */
    void scatter(INDArray rowsOfWords, INDArray out) {
        out.assign(0);
        long rowBytes = out.columns() * (long) Float.BYTES;
        BytePointer to = new BytePointer(out.data().addressPointer());
        BytePointer from = new BytePointer(rowsOfWords.data().addressPointer());
        for (int i = 0; i < words.length; i++) {
            Pointer.memcpy(to.position(words[i] * rowBytes), from.position(i * rowBytes), rowBytes);
        }
    }

    /** Whether {@link #scatter} can write {@code out} row by row. */
    static boolean rowWritable(INDArray out) {
        return out.ordering() == 'c' && out.elementWiseStride() == 1 && out.rank() == 2;
    }

    @Override
    public void close() {
        scratch.giveBack(x);
    }
}
