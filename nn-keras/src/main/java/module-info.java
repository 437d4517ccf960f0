/**
 * Keras 3 native model files ({@code .keras}): {@link dev.nn.keras.KerasModels#save} writes a
 * {@link dev.nn.api.models.Sequential} as Keras 3 does (a zip of {@code metadata.json}, {@code config.json}
 * and {@code model.weights.h5}), so that Python's {@code keras.saving.load_model} opens it;
 * {@link dev.nn.keras.KerasModels#load} reads the Chapter 3 subset of files written by Keras 3 or by this
 * module, optimizer state included. Nothing in a file is executed or used as a class name.
 */
module dev.nn.keras {
    requires transitive dev.nn.api;
    requires com.fasterxml.jackson.databind;
    requires io.jhdf;
    requires org.slf4j;

    exports dev.nn.keras;
}
