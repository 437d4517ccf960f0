/** The Chapter 3 workload benchmark: {@code mvn -pl nn-bench exec:java -Dexec.args="--backend java"}. */
module dev.nn.bench {
    requires dev.nn.api;
    requires dev.nn.testkit;
    requires dev.nn.datasets;
    requires java.management;

    uses dev.nn.api.spi.Backend;
}
