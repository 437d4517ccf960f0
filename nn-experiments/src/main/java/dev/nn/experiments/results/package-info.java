/** What a run writes: per-experiment results and the run file, as JSON (Jackson). */
package dev.nn.experiments.results;
