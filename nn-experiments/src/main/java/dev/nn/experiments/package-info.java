/** The experiment SPI and what an experiment runs with: {@link dev.nn.experiments.Experiment}, {@link dev.nn.experiments.RunContext}. */
package dev.nn.experiments;
