package dev.nn.api.data;

import java.util.Arrays;

/**
 * Sparse multi-hot rows: row {@code i} has ones at columns {@code indices[offsets[i] .. offsets[i+1])}
 * and zeros elsewhere, like the book's {@code vectorize_sequences} output without its
 * {@code rows x cols} floats. Column indices are sorted and unique within a row.
 */
public final class MultiHotRows implements Features {

    private final int[] offsets;
    private final int[] indices;
    private final int cols;

    /**
     * Wraps the arrays (not copied) after checking them: {@code offsets} has {@code rows + 1} entries
     * starting at 0 and never decreasing, and each row's indices are sorted, unique and below {@code cols}.
     */
    public MultiHotRows(int[] offsets, int[] indices, int cols) {
        Ranges.nonNegative("cols", cols);
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != indices.length) {
            throw new IllegalArgumentException("Received invalid offsets: expected offsets[0] = 0 and offsets[rows] = "
                    + indices.length);
        }
        for (int r = 0; r + 1 < offsets.length; r++) {
            if (offsets[r + 1] < offsets[r]) {
                throw new IllegalArgumentException("Received invalid offsets: offsets[" + (r + 1) + "] < offsets[" + r + "]");
            }
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int c = indices[p];
                if (c < 0 || c >= cols || (p > offsets[r] && c <= indices[p - 1])) {
                    throw new IllegalArgumentException("Received an invalid column index in row " + r
                            + ", expected sorted unique values in [0, " + cols + "). Received: " + c);
                }
            }
        }
        this.offsets = offsets;
        this.indices = indices;
        this.cols = cols;
    }

    /**
     * Multi-hot encodes integer sequences, as the book's {@code vectorize_sequences(sequences, dimension)}:
     * {@code results[i, sequence] = 1}. Repeated values collapse to one; values outside
     * {@code [0, dimension)} are rejected.
     */
    public static MultiHotRows encode(int[][] sequences, int dimension) {
        // One bitmap of the dimension per row: set the row's bits, then read them back in order. That
        // sorts and de-duplicates in O(length + dimension / 64) per row, with no random writes.
        long[] bits = new long[(dimension + 63) >>> 6];
        int[] offsets = new int[sequences.length + 1];
        long total = 0;
        for (int[] seq : sequences) {
            total += seq.length;
        }
        int[] indices = new int[Math.toIntExact(total)];
        int n = 0;
        for (int i = 0; i < sequences.length; i++) {
            for (int v : sequences[i]) {
                if (v < 0 || v >= dimension) {
                    throw new IllegalArgumentException("Sequence " + i + " holds " + v
                            + ", outside the vectorisation dimension [0, " + dimension + ")");
                }
                bits[v >>> 6] |= 1L << v;
            }
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    indices[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                }
                bits[w] = 0;
            }
            offsets[i + 1] = n;
        }
        return new MultiHotRows(offsets, n == indices.length ? indices : Arrays.copyOf(indices, n), dimension, true);
    }

    @Override
    public int rows() {
        return offsets.length - 1;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** Row start positions into {@link #indices()}, {@code rows + 1} entries (not a copy). */
    public int[] offsets() {
        return offsets;
    }

    /** Column indices of the ones, row after row (not a copy). */
    public int[] indices() {
        return indices;
    }

    /** Number of ones. */
    public int nonZeros() {
        return indices.length;
    }

    /** The column indices of row {@code row}. */
    public int[] row(int row) {
        return Arrays.copyOfRange(indices, offsets[row], offsets[row + 1]);
    }

    /** The dense {@code rows x cols} floats; meant for one batch, never a whole data set. */
    public float[] toDense() {
        float[] out = new float[Math.multiplyExact(rows(), cols)];
        for (int r = 0; r < rows(); r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                out[r * cols + indices[p]] = 1f;
            }
        }
        return out;
    }

    @Override
    public MultiHotRows gather(int[] order, int from, int to) {
        Ranges.gather(order, from, to, rows());
        int[] off = new int[to - from + 1];
        for (int i = from; i < to; i++) {
            off[i - from + 1] = off[i - from] + offsets[order[i] + 1] - offsets[order[i]];
        }
        int[] idx = new int[off[to - from]];
        for (int i = from; i < to; i++) {
            int r = order[i];
            System.arraycopy(indices, offsets[r], idx, off[i - from], offsets[r + 1] - offsets[r]);
        }
        return new MultiHotRows(off, idx, cols, true);
    }

    @Override
    public MultiHotRows slice(int from, int to) {
        Ranges.slice(from, to, rows());
        int[] off = new int[to - from + 1];
        for (int i = 0; i < off.length; i++) {
            off[i] = offsets[from + i] - offsets[from];
        }
        return new MultiHotRows(off, Arrays.copyOfRange(indices, offsets[from], offsets[to]), cols, true);
    }

    /** Rows of this followed by rows of {@code other}. */
    public MultiHotRows concat(MultiHotRows other) {
        if (other.cols != cols) {
            throw new IllegalArgumentException("Cannot concatenate multi-hot rows of width " + cols + " and " + other.cols);
        }
        int[] off = Arrays.copyOf(offsets, offsets.length + other.rows());
        for (int i = 1; i < other.offsets.length; i++) {
            off[rows() + i] = indices.length + other.offsets[i];
        }
        int[] idx = Arrays.copyOf(indices, indices.length + other.indices.length);
        System.arraycopy(other.indices, 0, idx, indices.length, other.indices.length);
        return new MultiHotRows(off, idx, cols, true);
    }

    // Rows taken from a validated instance are valid: skip the O(nnz) check on the per-batch path.
    private MultiHotRows(int[] offsets, int[] indices, int cols, boolean trusted) {
        this.offsets = offsets;
        this.indices = indices;
        this.cols = cols;
    }

    @Override
    public String toString() {
        return "MultiHotRows(" + rows() + ", " + cols + ", nonZeros=" + indices.length + ")";
    }
}
