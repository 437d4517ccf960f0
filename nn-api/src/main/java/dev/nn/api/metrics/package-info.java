/** Metrics computed on the host from a batch's model output: accuracy as Keras picks it, and MAE. */
package dev.nn.api.metrics;
