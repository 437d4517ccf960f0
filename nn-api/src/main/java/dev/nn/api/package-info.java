/** Tensors, shapes and the backend lookup. */
package dev.nn.api;
