/** The command line: {@code mvn -pl nn-experiments exec:java -Dexec.args="..."} or {@code java -m dev.nn.experiments/dev.nn.experiments.cli.Main}. */
package dev.nn.experiments.cli;
