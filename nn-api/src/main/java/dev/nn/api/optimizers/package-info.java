/** Optimizers with Keras 3 defaults and update rules; each step runs as a backend kernel. */
package dev.nn.api.optimizers;
