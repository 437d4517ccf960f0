/** Seeded synthetic data sets with the shapes of the Chapter 3 workloads. */
package dev.nn.testkit;
