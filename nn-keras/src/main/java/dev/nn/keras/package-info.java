/**
 * Save and load Keras 3 {@code .keras} files: {@link dev.nn.keras.KerasModels}; every refusal is a
 * {@link dev.nn.keras.KerasFormatException} naming the file, the part of it and what is supported.
 */
package dev.nn.keras;
