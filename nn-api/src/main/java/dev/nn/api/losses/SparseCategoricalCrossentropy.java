package dev.nn.api.losses;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;

/**
 * Categorical cross-entropy with integer labels: the same values as {@link CategoricalCrossentropy}
 * on the one-hot encoding of the labels, as Keras's {@code sparse_categorical_crossentropy}.
 */
public final class SparseCategoricalCrossentropy implements Loss {

    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        int k = Loss.checkBatch(name(), pred, targets);
        return CategoricalCrossentropy.sum(pred, oneHot(targets).data(), k);
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad, boolean preActivation) {
        int k = Loss.checkBatch(name(), pred, targets);
        CategoricalCrossentropy.gradient(pred, oneHot(targets).data(), grad, preActivation, k);
    }

    private static DenseMatrix oneHot(Targets targets) {
        if (targets instanceof IntLabels labels) {
            return labels.toOneHot();
        }
        throw new IllegalArgumentException("Received float targets, expected IntLabels; use CategoricalCrossentropy "
                + "for one-hot targets");
    }

    @Override
    public boolean fusesWith(Activation activation) {
        return activation == Activation.SOFTMAX;
    }

    @Override
    public String toString() {
        return name();
    }
}
