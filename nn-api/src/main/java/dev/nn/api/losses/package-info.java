/**
 * Losses. They run on the host over the model output of one batch (at most a few thousand floats in
 * Chapter 3), so every backend shares one exact implementation of the Keras formulas, and they
 * return the gradient that the backward pass uploads.
 */
package dev.nn.api.losses;
