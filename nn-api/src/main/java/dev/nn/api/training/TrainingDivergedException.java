package dev.nn.api.training;

/** Thrown by {@code fit} when the loss becomes NaN or infinite; training stops at that batch. */
public class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("Training diverged: the loss became " + loss + " at epoch " + epoch + ", batch " + batch
                + ". Lower the learning rate or check the inputs for NaN/Inf values.");
    }
}
