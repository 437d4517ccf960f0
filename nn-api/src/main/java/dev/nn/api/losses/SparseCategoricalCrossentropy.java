package dev.nn.api.losses;

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
        int k = LossInputs.checkBatch(name(), pred, targets);
        return CategoricalCrossentropy.sum(pred, LossInputs.oneHot(name(), targets), k);
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        CategoricalCrossentropy.gradient(pred, LossInputs.oneHot(name(), targets), grad, k);
    }

    @Override
    public boolean fusesWith(Activation activation) {
        return activation == Activation.SOFTMAX;
    }

    @Override
    public void preActivationGradient(float[] pred, Targets targets, float[] grad) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        CategoricalCrossentropy.preActivationGradient(pred, LossInputs.oneHot(name(), targets), grad, k);
    }

    @Override
    public String toString() {
        return name();
    }
}
