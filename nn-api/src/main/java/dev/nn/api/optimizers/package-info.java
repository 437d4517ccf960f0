/**
 * Optimizers with Keras 3 defaults, each writing its update rule once over the primitive kernels; a backend
 * may run the step fused through {@link dev.nn.api.spi.FusedUpdates}.
 */
package dev.nn.api.optimizers;
