package dev.nn.backend.nd4j;

import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A model's weights, gradients and optimizer slots, each kind moved into one flat native array of which every
 * tensor is a view. An optimizer step is then one pass of a few ND4J calls over the flat arrays instead of the
 * same calls per parameter: ND4J's cost is per call (tens of microseconds) far more than per element, and a
 * Boston step has six parameters of at most 4,096 values. This is how DL4J lays out a network's parameters.
 * The layers keep their tensors; only where the values live changes.
 *
 * <p>A place whose tensor {@linkplain Nd4jTensor#prefersColumnMajor prefers it} (the first layer's kernel over a
 * wide multi-hot input, when its gradient took the full product) is laid out column-major in every flat array,
 * so that OpenBLAS writes that gradient in place and the one pass still meets each weight, gradient and velocity
 * at the same offset. Column-major saved Reuters-shaped batches of 512 x 10,000 x 64 the 1.6 ms copy back of a
 * row-major gradient, a tenth of a step.
 */
final class ParameterPack {

    private final List<List<Nd4jTensor>> members;
    private final INDArray[] flats;
    private int open;

    private ParameterPack(List<List<Nd4jTensor>> members, long length) {
        this.members = members;
        this.flats = new INDArray[members.size()];
        for (int k = 0; k < flats.length; k++) {
            flats[k] = Nd4j.createUninitialized(DataType.FLOAT, 1, length);
        }
        char[] order = new char[members.get(0).size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = 'c';
            for (List<Nd4jTensor> kind : members) {
                if (kind.get(i).prefersColumnMajor()) {
                    order[i] = 'f';
                }
            }
        }
        for (int k = 0; k < members.size(); k++) {
            long at = 0;
            for (int i = 0; i < order.length; i++) {
                Nd4jTensor t = members.get(k).get(i);
                INDArray old = t.array();
                long n = old.length();
                INDArray view = flats[k].get(NDArrayIndex.point(0), NDArrayIndex.interval(at, at + n))
                        .reshape(order[i], old.rows(), old.columns());
                view.assign(old);
                t.moveTo(view, this);
                at += n;
                open++;
            }
        }
    }

    /**
     * The pack holding exactly {@code kinds} (each a list of tensors of the same shapes, in the same order): the
     * existing one, or a new one when none of them is packed yet; {@code null} when they cannot be packed
     * (a sparse tensor, mismatched shapes, or tensors already packed with others).
     */
    static ParameterPack of(List<List<Tensor>> kinds) {
        List<Tensor> first = kinds.get(0);
        if (first.isEmpty()) {
            return null;
        }
        ParameterPack existing = first.get(0) instanceof Nd4jTensor t ? t.pack() : null;
        if (existing != null) {
            return existing.holds(kinds) ? existing : null;
        }
        long length = 0;
        List<List<Nd4jTensor>> members = new ArrayList<>();
        for (List<Tensor> kind : kinds) {
            if (kind.size() != first.size()) {
                return null;
            }
            List<Nd4jTensor> ts = new ArrayList<>(kind.size());
            for (int i = 0; i < kind.size(); i++) {
                if (!(kind.get(i) instanceof Nd4jTensor t) || t.isSparse() || t.pack() != null
                        || !t.shape().equals(first.get(i).shape()) || ts.contains(t)) {
                    return null;
                }
                ts.add(t);
            }
            members.add(ts);
        }
        for (Tensor t : first) {
            length += t.shape().size();
        }
        return new ParameterPack(members, length);
    }

    private boolean holds(List<List<Tensor>> kinds) {
        if (kinds.size() != members.size()) {
            return false;
        }
        for (int k = 0; k < kinds.size(); k++) {
            List<Tensor> kind = kinds.get(k);
            List<Nd4jTensor> mine = members.get(k);
            if (kind.size() != mine.size()) {
                return false;
            }
            for (int i = 0; i < kind.size(); i++) {
                if (kind.get(i) != mine.get(i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The flat array of kind {@code k} (in the order given to {@link #of}). */
    INDArray flat(int k) {
        return flats[k];
    }

    /** A member was closed; the flat arrays go with the last one. */
    void closed(Nd4jTensor t) {
        if (--open == 0) {
            for (INDArray f : flats) {
                if (f.closeable()) {
                    f.close();
                }
            }
        }
    }
}
