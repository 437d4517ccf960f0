/**
 * The ND4J backend, {@code --backend nd4j}: kernels of ND4J 1.0.0-M2.1 (OpenBLAS gemm, OpenMP element-wise
 * ops). Class path only; found by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 */
package dev.nn.backend.nd4j;
