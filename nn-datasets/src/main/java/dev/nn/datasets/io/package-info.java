/** Readers for numpy's {@code .npy}/{@code .npz} files, pickled object arrays of int lists, and word index JSON. */
package dev.nn.datasets.io;
