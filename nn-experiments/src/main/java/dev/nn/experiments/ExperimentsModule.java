package dev.nn.experiments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.nn.api.spi.Backend;
import dev.nn.datasets.DataFiles;
import dev.nn.experiments.book.BostonRegression;
import dev.nn.experiments.book.ImdbClassification;
import dev.nn.experiments.book.ImdbVariant;
import dev.nn.experiments.book.ReutersCapacity;
import dev.nn.experiments.book.ReutersClassification;
import jakarta.inject.Singleton;

/**
 * The Guice wiring of a run: the chosen backend and data files, and every experiment of the chapter.
 * Library modules know nothing of Guice; this is the only place objects are put together.
 */
public final class ExperimentsModule extends AbstractModule {

    private final Backend backend;
    private final DataFiles files;

    public ExperimentsModule(Backend backend, DataFiles files) {
        this.backend = backend;
        this.files = files;
    }

    @Override
    protected void configure() {
        Multibinder<Experiment> experiments = Multibinder.newSetBinder(binder(), Experiment.class);
        experiments.addBinding().to(ImdbClassification.class);
        for (ImdbVariant.Variant v : ImdbVariant.Variant.values()) {
            experiments.addBinding().toInstance(new ImdbVariant(v));
        }
        experiments.addBinding().toInstance(new ReutersClassification(false));
        experiments.addBinding().toInstance(new ReutersClassification(true));
        for (ReutersCapacity.Variant v : ReutersCapacity.Variant.values()) {
            experiments.addBinding().toInstance(new ReutersCapacity(v));
        }
        experiments.addBinding().to(BostonRegression.class);
    }

    @Provides
    @Singleton
    Backend backend() {
        return backend;
    }

    @Provides
    @Singleton
    DataFiles dataFiles() {
        return files;
    }
}
