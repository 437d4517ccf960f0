package dev.nn.api.training;

import dev.nn.api.data.Features;
import dev.nn.api.data.Targets;

/** Keras's {@code validation_data=(x_val, y_val)}: evaluated after every epoch, reported with {@code val_} keys. */
public record ValidationData(Features x, Targets y) {

    public ValidationData {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("Received validation data with " + x.rows() + " samples and " + y.rows()
                    + " targets, expected as many of each");
        }
    }

    public static ValidationData of(Features x, Targets y) {
        return new ValidationData(x, y);
    }
}
