/**
 * The Chapter 3 experiments and the command line that runs them: one class per book section,
 * wired with Guice, results written as JSON and rendered as a report. This is the composition root:
 * the only module that knows every other one, and the only one with Guice and Logback.
 */
module dev.nn.experiments {
    requires dev.nn.api;
    requires dev.nn.datasets;
    requires dev.nn.reports;
    requires dev.nn.keras;
    requires com.google.guice;
    requires jakarta.inject;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.nn.experiments;
    exports dev.nn.experiments.book;
    exports dev.nn.experiments.results;

    opens dev.nn.experiments to com.google.guice;
    opens dev.nn.experiments.book to com.google.guice;
    opens dev.nn.experiments.cli to info.picocli, com.google.guice;
    opens dev.nn.experiments.results to com.fasterxml.jackson.databind;

    uses dev.nn.api.spi.BackendProvider;
}
