/**
 * The Chapter 3 data sets, read from the Keras files ({@code imdb.npz}, {@code reuters.npz},
 * {@code boston_housing.npz}, the word index JSON) and loaded exactly as Keras's {@code load_data}
 * does, including numpy's {@code RandomState} shuffle. Object arrays are read by a restricted
 * pickle reader that only accepts numpy's reconstruction globals.
 */
module dev.nn.datasets {
    requires transitive dev.nn.api;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires java.net.http;

    exports dev.nn.datasets;
    exports dev.nn.datasets.io;
}
