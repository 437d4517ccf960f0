/**
 * Host-side inputs and targets: dense float matrices, sparse multi-hot rows and integer labels.
 * Batches are gathered from them on the JVM and uploaded to a backend one at a time, so a data set
 * never has to fit the backend's memory, and a 25,000 x 10,000 multi-hot matrix is never dense.
 */
package dev.nn.api.data;
