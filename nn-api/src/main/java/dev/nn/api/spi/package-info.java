/**
 * The backend SPI: what a compute backend implements. A backend owns tensor storage and a small set
 * of primitive kernels; every layer, loss and optimizer of the API is written over them.
 */
package dev.nn.api.spi;
