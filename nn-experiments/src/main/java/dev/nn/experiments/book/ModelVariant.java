package dev.nn.experiments.book;

import dev.nn.experiments.BookValue;
import dev.nn.experiments.Experiment;
import java.util.List;

/** An experiment that re-runs a section's model with one change, compared with one number of the book. */
abstract class ModelVariant implements Experiment {

    private final String id;
    private final String section;
    private final String title;
    private final String description;
    private final BookValue book;

    /**
     * @param model    what is changed, e.g. {@code "IMDB"}
     * @param origin   the section the model comes from, e.g. {@code "3.4"}
     * @param change   the change, e.g. {@code "tanh instead of relu activations"}
     * @param protocol how it is trained and measured
     */
    ModelVariant(String id, String section, String model, String origin, String change, String protocol,
            BookValue book) {
        this.id = id;
        this.section = section;
        this.title = model + " with " + change;
        this.description = "The " + model + " model of " + origin + " with " + change + "; " + protocol;
        this.book = book;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String section() {
        return section;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<BookValue> book() {
        return List.of(book);
    }
}
