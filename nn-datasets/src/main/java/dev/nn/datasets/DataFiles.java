package dev.nn.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Keras data files: an explicit directory ({@code --data-dir}, else {@code NN_DATA_DIR}), then the
 * Keras cache {@code ~/.keras/datasets/}, then a download from the Keras origin into that cache. A file is
 * used only after its hash matches the one Keras publishes; a download goes to a temporary file that is
 * moved into place atomically once verified, so an interrupted or corrupt download never poses as a good file.
 *
 * <pre>{@code
 * Path imdb = DataFiles.builder().dataDir(Path.of("../shared/data")).build().locate(KerasFile.IMDB);
 * }</pre>
 */
public final class DataFiles {

    /** Download progress, called as bytes arrive; {@code total} is -1 when the server does not say. */
    @FunctionalInterface
    public interface DownloadListener {
        void progress(KerasFile file, long bytes, long total);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataFiles.class);

    private final Path dataDir;
    private final Path cacheDir;
    private final String origin;
    private final boolean download;
    private final DownloadListener listener;
    private final Duration readTimeout;

    private DataFiles(Builder b) {
        this.dataDir = b.dataDir;
        this.cacheDir = b.cacheDir;
        this.origin = b.origin;
        this.download = b.download;
        this.listener = b.listener;
        this.readTimeout = b.readTimeout;
    }

    /** Defaults: {@code NN_DATA_DIR} if set, the Keras cache, downloads allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default lookup: {@code NN_DATA_DIR}, {@code ~/.keras/datasets}, then a download. */
    public static DataFiles defaults() {
        return builder().build();
    }

    /** A verified local copy of {@code file}. */
    public Path locate(KerasFile file) throws IOException {
        return find(file).path();
    }

    /**
     * The bytes of a verified copy of {@code file}: read once, and hashed as the very array returned, so the
     * bytes a loader parses are the bytes that matched Keras's hash, whatever happens to the file afterwards.
     */
    public byte[] read(KerasFile file) throws IOException {
        return find(file).bytes();
    }

    private record Found(Path path, byte[] bytes) {
    }

    private Found find(KerasFile file) throws IOException {
        List<String> looked = new ArrayList<>();
        if (dataDir != null) {
            Path p = dataDir.resolve(file.fileName());
            looked.add(p.toString());
            if (Files.isRegularFile(p)) {
                byte[] bytes = readBounded(file, p);
                String actual = hash(file, bytes);
                if (!actual.equals(file.hash())) {
                    throw mismatch(file, p.toString(), actual);
                }
                return new Found(p, bytes);
            }
        }
        Path cached = cacheDir.resolve(file.fileName());
        looked.add(cached.toString());
        String stale = null;
        if (Files.isRegularFile(cached)) {
            byte[] bytes = readBounded(file, cached);
            String actual = hash(file, bytes);
            if (actual.equals(file.hash())) {
                return new Found(cached, bytes);
            }
            stale = cached + " is there but has " + file.hashAlgorithm() + " " + actual + " where Keras publishes "
                    + file.hash() + " (a corrupted or altered copy); delete it and run again with a network "
                    + "connection, or pass --data-dir DIR (or set NN_DATA_DIR) to a folder with a good copy";
            LOG.warn("{} in the Keras cache does not match its {} hash; downloading it again", cached,
                    file.hashAlgorithm());
        }
        if (!download) {
            throw new DatasetNotFoundException(file.fileName() + (stale != null ? ": " + stale + "; downloads are "
                    + "disabled" : " not found; looked in " + String.join(", ", looked) + " (downloads disabled)"),
                    null);
        }
        Path fetched;
        try {
            fetched = fetch(file, cached);
        } catch (IOException e) {
            if (e instanceof DatasetIntegrityException) {
                throw e;
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (stale != null) {
                throw new DatasetNotFoundException(file.fileName() + ": " + stale + ". It could not be downloaded "
                        + "again from " + origin + file.fileName() + ": " + why, e);
            }
            throw new DatasetNotFoundException(file.fileName() + " not found; looked in " + String.join(", ", looked)
                    + " and could not download " + origin + file.fileName() + ": " + why
                    + " (offline? pass --data-dir DIR or set NN_DATA_DIR to a folder that has the file)", e);
        }
        byte[] bytes = readBounded(file, fetched);
        String actual = hash(file, bytes);
        if (!actual.equals(file.hash())) {
            throw mismatch(file, fetched.toString(), actual);
        }
        return new Found(fetched, bytes);
    }

    /** The file's bytes; a file larger than Keras's is refused unread, as it cannot have the right hash. */
    private static byte[] readBounded(KerasFile file, Path path) throws IOException {
        long size = Files.size(path);
        if (size > file.maxBytes()) {
            throw new DatasetIntegrityException(path + " has " + size + " bytes; Keras's " + file.fileName() + " has "
                    + file.maxBytes() + "; refusing to use it");
        }
        return Files.readAllBytes(path);
    }

    private Path fetch(KerasFile file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        URI uri = URI.create(origin + file.fileName());
        LOG.info("Downloading {} from {}", file.fileName(), uri);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + uri + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (total > file.maxBytes()) {
            response.body().close();
            throw new DatasetIntegrityException("download of " + file.fileName() + " announces " + total
                    + " bytes; the file has " + file.maxBytes() + "; refusing it");
        }
        Path temp = Files.createTempFile(target.getParent(), file.fileName() + ".", ".part");
        temp.toFile().deleteOnExit(); // a run stopped by a signal leaves no .part behind
        java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nn-datasets-download-watchdog");
                    t.setDaemon(true);
                    return t;
                });
        try {
            MessageDigest digest = digest(file);
            long bytes = 0;
            InputStream body = response.body();
            java.util.concurrent.atomic.AtomicLong lastData = new java.util.concurrent.atomic.AtomicLong(
                    System.nanoTime());
            java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
            long period = Math.max(10, readTimeout.toMillis() / 4);
            watchdog.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastData.get() > readTimeout.toNanos() && !stalled.getAndSet(true)) {
                    try {
                        body.close(); // unblocks the read below
                    } catch (IOException ignored) {
                        // closing is all the watchdog can do
                    }
                }
            }, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
            try (InputStream in = new DigestInputStream(body, digest);
                    OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    lastData.set(System.nanoTime());
                    bytes += n;
                    if (bytes > file.maxBytes()) {
                        throw new DatasetIntegrityException("download of " + file.fileName() + " sent more than the "
                                + file.maxBytes() + " bytes the file has; refusing it");
                    }
                    out.write(buf, 0, n);
                    listener.progress(file, bytes, total);
                }
            } catch (IOException e) {
                if (stalled.get()) {
                    throw new IOException("download of " + uri + " stalled: no data for " + readTimeout.toSeconds()
                            + " s after " + bytes + " bytes", e);
                }
                throw e;
            }
            if (stalled.get()) {
                throw new IOException("download of " + uri + " stalled: no data for " + readTimeout.toSeconds()
                        + " s after " + bytes + " bytes");
            }
            if (total >= 0 && bytes != total) {
                throw new DatasetIntegrityException("download of " + file.fileName() + " truncated: " + bytes + " of "
                        + total + " bytes");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.hash())) {
                throw mismatch(file, uri.toString(), actual);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Saved {} ({} bytes, {} verified)", target, bytes, file.hashAlgorithm());
            return target;
        } finally {
            watchdog.shutdownNow();
            Files.deleteIfExists(temp);
        }
    }

    /** Throws unless {@code path} has Keras's hash for {@code file}. */
    public static void verify(KerasFile file, Path path) throws IOException {
        String actual = hash(file, readBounded(file, path));
        if (!actual.equals(file.hash())) {
            throw mismatch(file, path.toString(), actual);
        }
    }

    private static DatasetIntegrityException mismatch(KerasFile file, String where, String actual) {
        return new DatasetIntegrityException(file.fileName() + " from " + where + " has " + file.hashAlgorithm() + " "
                + actual + ", Keras publishes " + file.hash() + "; refusing to use it");
    }

    private static String hash(KerasFile file, byte[] bytes) {
        return HexFormat.of().formatHex(digest(file).digest(bytes));
    }

    private static MessageDigest digest(KerasFile file) {
        try {
            return MessageDigest.getInstance(file.hashAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + file.hashAlgorithm(), e);
        }
    }

    /** Settings of {@link DataFiles}. */
    public static final class Builder {
        private Path dataDir = envDir();
        private Path cacheDir = Path.of(System.getProperty("user.home"), ".keras", "datasets");
        private String origin = KerasFile.ORIGIN;
        private boolean download = true;
        private DownloadListener listener = (f, b, t) -> { };
        private Duration readTimeout = Duration.ofSeconds(60);

        private static Path envDir() {
            String env = System.getenv("NN_DATA_DIR");
            return env == null || env.isBlank() ? null : Path.of(env);
        }

        /** The directory looked at first ({@code --data-dir}); {@code null} falls back to {@code NN_DATA_DIR}. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir == null ? envDir() : dir;
            return this;
        }

        /** The Keras cache, {@code ~/.keras/datasets} by default. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** The download origin, ending in {@code /}; Keras's by default. */
        public Builder origin(String origin) {
            this.origin = origin.endsWith("/") ? origin : origin + "/";
            return this;
        }

        public Builder download(boolean allowed) {
            this.download = allowed;
            return this;
        }

        /** How long a download may go without receiving a byte before it is abandoned; 60 s by default. */
        public Builder readTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Received an invalid read timeout, expected a positive duration. "
                        + "Received: " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        public Builder listener(DownloadListener listener) {
            this.listener = listener;
            return this;
        }

        public DataFiles build() {
            return new DataFiles(this);
        }
    }
}
