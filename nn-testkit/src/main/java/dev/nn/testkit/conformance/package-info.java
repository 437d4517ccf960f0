/**
 * The conformance suite every backend must pass. Bind it with one small class:
 *
 * <pre>{@code
 * class JavaBackendConformanceTest implements BackendConformance {
 *     private static final Backend BACKEND = new JavaBackend(2);
 *     public Backend backend() { return BACKEND; }
 * }
 * }</pre>
 *
 * It checks every kernel against {@link dev.nn.testkit.conformance.Reference} on random shapes,
 * gradients against finite differences, optimizer steps against values from Keras's formulas,
 * and the training loop's Keras semantics.
 */
package dev.nn.testkit.conformance;
