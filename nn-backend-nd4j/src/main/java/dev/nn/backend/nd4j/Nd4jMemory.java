package dev.nn.backend.nd4j;

import dev.nn.api.data.MultiHotRows;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatRawIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Host-to-native copies. {@code Nd4j.create(float[])} copies element by element through
 * {@code DataBuffer.put}, which made densifying a 512 x 10,000 batch cost more than the whole Java
 * epoch; these go through JavaCPP's bulk {@code memcpy} and a raw (Unsafe) indexer instead.
 */
final class Nd4jMemory {

    private Nd4jMemory() {
    }

    private static FloatPointer pointer(INDArray a) {
        return new FloatPointer(a.data().addressPointer()).capacity(a.length());
    }

    /** Overwrites {@code a} (of {@code data.length} values) with {@code data}, row-major. */
    static void copyInto(float[] data, INDArray a) {
        if (data.length > 0) {
            pointer(a).put(data, 0, data.length);
        }
    }

    /** A fresh zero array of the multi-hot batch's shape, with its ones set. */
    static INDArray multiHot(MultiHotRows rows) {
        INDArray a = Nd4j.zeros(DataType.FLOAT, rows.rows(), rows.cols());
        setOnes(a, rows, 1f);
        return a;
    }

    /** Writes {@code value} at every one of {@code rows} into {@code a} (of the same shape). */
    static void setOnes(INDArray a, MultiHotRows rows, float value) {
        setOnes(a, rows, null, value);
    }

    /**
     * Writes {@code value} into {@code a} at row r, column {@code column[j]} for every one (r, j) of {@code rows};
     * a null {@code column} keeps the columns as they are.
     */
    static void setOnes(INDArray a, MultiHotRows rows, int[] column, float value) {
        if (a.length() == 0) {
            return;
        }
        int[] off = rows.offsets();
        int[] idx = rows.indices();
        long cols = a.columns();
        try (FloatRawIndexer ones = new FloatRawIndexer(pointer(a))) {
            for (int r = 0; r < rows.rows(); r++) {
                for (int p = off[r]; p < off[r + 1]; p++) {
                    ones.put(r * cols + (column == null ? idx[p] : column[idx[p]]), value);
                }
            }
        }
    }

    /** A row-major copy of {@code a}. */
    static float[] toArray(INDArray a) {
        float[] out = new float[(int) a.length()];
        if (out.length == 0) {
            return out;
        }
        if (a.ordering() == 'c' || a.rows() == 1 || a.columns() == 1) {
            pointer(a).get(out, 0, out.length);
            return out;
        }
        try (INDArray rowMajor = a.dup('c')) {
            pointer(rowMajor).get(out, 0, out.length);
        }
        return out;
    }
}
