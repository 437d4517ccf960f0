package dev.nn.api.data;

/** Argument checks shared by the host data types. */
final class Ranges {

    private Ranges() {
    }

    static void slice(int from, int to, int rows) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException(
                    "Received an invalid row range, expected 0 <= from <= to <= " + rows + ". Received: from=" + from
                            + ", to=" + to);
        }
    }

    static void gather(int[] order, int from, int to, int rows) {
        slice(from, to, order.length);
        for (int i = from; i < to; i++) {
            if (order[i] < 0 || order[i] >= rows) {
                throw new IndexOutOfBoundsException(
                        "Received an invalid row index, expected 0 <= index < " + rows + ". Received: order[" + i + "]="
                                + order[i]);
            }
        }
    }

    static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Received an invalid value for " + name
                    + ", expected a non-negative integer. Received: " + name + "=" + value);
        }
    }
}
