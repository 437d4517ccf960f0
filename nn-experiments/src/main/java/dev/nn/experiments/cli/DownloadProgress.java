package dev.nn.experiments.cli;

import dev.nn.datasets.DataFiles;
import dev.nn.datasets.KerasFile;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a data file download's progress in tenths. */
final class DownloadProgress implements DataFiles.DownloadListener {

    private final PrintStream out;
    private int lastTenth = -1;

    DownloadProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void progress(KerasFile file, long bytes, long total) {
        int tenth = total > 0 ? (int) (10 * bytes / total) : (int) (bytes >> 20);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.printf(Locale.ROOT, "downloading %s: %s%n", file.fileName(),
                    total > 0 ? (10 * tenth) + " %" : (bytes >> 20) + " MB");
        }
    }
}
