package dev.nn.api.data;

import java.util.Arrays;

/**
 * A dense row-major float matrix on the heap: inputs such as the Boston features, and targets
 * (binary labels as {@code (n, 1)}, one-hot rows, regression values).
 */
public final class DenseMatrix implements Features, Targets {

    private final float[] data;
    private final int rows;
    private final int cols;

    /** Wraps {@code data} (not copied); its length must be {@code rows * cols}. */
    public DenseMatrix(float[] data, int rows, int cols) {
        Ranges.nonNegative("rows", rows);
        Ranges.nonNegative("cols", cols);
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("Received data of length " + data.length + ", expected rows * cols = "
                    + (long) rows * cols + " for shape (" + rows + ", " + cols + ")");
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    public static DenseMatrix of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Received ragged rows: row 0 has " + cols + " values, row " + i
                        + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new DenseMatrix(data, rows.length, cols);
    }

    /** A {@code (n, 1)} column, e.g. binary labels or regression targets. */
    public static DenseMatrix column(float... values) {
        return new DenseMatrix(values, values.length, 1);
    }

    /** The backing array, row-major (not a copy). */
    public float[] data() {
        return data;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public int width() {
        return cols;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    @Override
    public DenseMatrix gather(int[] order, int from, int to) {
        Ranges.gather(order, from, to, rows);
        float[] out = new float[(to - from) * cols];
        for (int i = from; i < to; i++) {
            System.arraycopy(data, order[i] * cols, out, (i - from) * cols, cols);
        }
        return new DenseMatrix(out, to - from, cols);
    }

    @Override
    public DenseMatrix slice(int from, int to) {
        Ranges.slice(from, to, rows);
        return new DenseMatrix(Arrays.copyOfRange(data, from * cols, to * cols), to - from, cols);
    }

    /** Rows of this matrix followed by rows of {@code other}, like {@code np.concatenate}. */
    public DenseMatrix concat(DenseMatrix other) {
        if (other.cols != cols) {
            throw new IllegalArgumentException("Cannot concatenate (" + rows + ", " + cols + ") with (" + other.rows
                    + ", " + other.cols + "): column counts differ");
        }
        float[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return new DenseMatrix(out, rows + other.rows, cols);
    }

    @Override
    public String toString() {
        return "DenseMatrix(" + rows + ", " + cols + ")";
    }
}
