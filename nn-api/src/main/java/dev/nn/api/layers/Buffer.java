package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;

/**
 * A reusable tensor of a fixed width whose row count follows the batch. An epoch alternates between a few row
 * counts: its full batches, its last and shorter one, and the validation's last batch. A tensor is kept for each of
 * the last {@link #SHAPES} row counts, so after the first epoch nothing is allocated; the one used longest ago is
 * closed when a fourth shape comes.
 *
 * <p>With one tensor, reallocated on every change of shape, {@code reuters-wide}'s 128 x 4,096 buffers (2 MB,
 * each a "humongous" object for G1) were allocated 196 times in a chapter run, four times an epoch, and G1 started
 * 30 of its collections for them ("G1 Humongous Allocation", 2026-12-07).
 */
final class Buffer {

    /** Row counts kept: an epoch's full batches, its last batch, the validation's last batch. */
    static final int SHAPES = 3;

    /** The tensors kept, the one last returned first. */
    private final Tensor[] tensors = new Tensor[SHAPES];

    /**
     * A tensor of {@code rows x cols}: the one this buffer returned for that shape before, its values as they were
     * left, or a new one of zeros.
     */
    Tensor get(Backend backend, int rows, int cols) {
        int at = 0;
        while (at < SHAPES && !(tensors[at] != null && tensors[at].rows() == rows && tensors[at].cols() == cols)) {
            at++;
        }
        Tensor t;
        if (at < SHAPES) {
            t = tensors[at];
        } else {
            at = SHAPES - 1;
            if (tensors[at] != null) {
                tensors[at].close();
            }
            t = backend.zeros(rows, cols);
        }
        System.arraycopy(tensors, 0, tensors, 1, at);
        tensors[0] = t;
        return t;
    }

    /** The tensor last returned by {@link #get}, or null. */
    Tensor current() {
        return tensors[0];
    }
}
