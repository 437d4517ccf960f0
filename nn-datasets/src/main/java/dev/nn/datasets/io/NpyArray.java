package dev.nn.datasets.io;

import java.util.Arrays;

/**
 * One array read from a {@code .npy} file: its numpy dtype string, shape and values. Numeric values are
 * widened to {@code double} or {@code long}; object arrays of int lists become {@code int[][]}.
 *
 * @param name   the member name ({@code x_train}) or file name
 * @param dtype  numpy's {@code descr}, e.g. {@code <f8}, {@code |O}
 * @param shape  dimensions, C order
 * @param values {@code double[]} (floats), {@code long[]} (integers and booleans) or {@code int[][]} (object arrays)
 */
public record NpyArray(String name, String dtype, int[] shape, Object values) {

    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public double[] doubles() {
        if (values instanceof double[] d) {
            return d;
        }
        if (values instanceof long[] l) {
            return Arrays.stream(l).asDoubleStream().toArray();
        }
        throw new IllegalStateException(name + " holds " + dtype + ", not numbers");
    }

    public long[] longs() {
        if (values instanceof long[] l) {
            return l;
        }
        throw new IllegalStateException(name + " holds " + dtype + ", not integers");
    }

    public int[][] sequences() {
        if (values instanceof int[][] s) {
            return s;
        }
        throw new IllegalStateException(name + " holds " + dtype + ", not an object array of int lists");
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
