package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against the JDK's HTTP server on loopback: a real file, a truncated file and a wrong file. */
class DownloadTest {

    @TempDir
    Path cache;

    private HttpServer server;
    private byte[] real;
    private String origin;

    @BeforeEach
    void serve() throws Exception {
        real = Files.readAllBytes(Fixtures.realData("boston_housing.npz"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/boston_housing.npz", ex -> {
            ex.sendResponseHeaders(200, real.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(real);
            }
        });
        server.createContext("/truncated/boston_housing.npz", ex -> {
            ex.sendResponseHeaders(200, real.length); // promises the whole file, then stops
            try (OutputStream out = ex.getResponseBody()) {
                out.write(real, 0, real.length / 3);
            }
        });
        server.createContext("/wrong/boston_housing.npz", ex -> {
            byte[] wrong = Arrays.copyOf(real, real.length);
            wrong[1000] ^= 1;
            ex.sendResponseHeaders(200, wrong.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(wrong);
            }
        });
        server.createContext("/stall/boston_housing.npz", ex -> {
            ex.sendResponseHeaders(200, real.length);
            OutputStream out = ex.getResponseBody();
            out.write(real, 0, 1000);
            out.flush();
            try {
                Thread.sleep(30_000); // then nothing: the client must give up on its own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        });
        server.createContext("/endless/boston_housing.npz", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length: an endless body
            try (OutputStream out = ex.getResponseBody()) {
                byte[] zeros = new byte[1 << 16];
                for (int i = 0; i < 1 << 14; i++) { // bounded: 1 GiB at most, the client stops far earlier
                    out.write(zeros);
                }
            } catch (java.io.IOException closedByClient) {
                // expected: the client hangs up at the cap
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DataFiles files(String path, AtomicLong progress) {
        return DataFiles.builder().dataDir(cache.resolve("nowhere")).cacheDir(cache).origin(origin + path)
                .listener((f, bytes, total) -> progress.set(bytes)).build();
    }

    @Test
    void aGoodDownloadIsVerifiedAndMovedIntoTheCache() throws Exception {
        AtomicLong progress = new AtomicLong();
        Path p = files("good", progress).locate(KerasFile.BOSTON_HOUSING);
        assertThat(p).isEqualTo(cache.resolve("boston_housing.npz"));
        assertThat(Files.readAllBytes(p)).isEqualTo(real);
        assertThat(progress.get()).isEqualTo(real.length);
        assertThat(BostonHousing.load(p, 0.2, 113).train().x()).hasNumberOfRows(404);
        // a second lookup uses the cache: the server is no longer needed
        server.stop(0);
        assertThat(files("good", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING)).isEqualTo(p);
    }

    @Test
    void aTruncatedDownloadNeverReplacesOrPosesAsAGoodFile() throws Exception {
        assertThatThrownBy(() -> files("truncated", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("boston_housing.npz");
        assertThat(cache.resolve("boston_housing.npz")).doesNotExist();
        try (var left = Files.list(cache)) {
            assertThat(left.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void aWrongFileIsRejectedByItsHashAndAGoodCacheSurvives() throws Exception {
        Path good = files("good", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING);
        Files.write(good, Arrays.copyOf(real, 100)); // corrupt the cached copy: it must be fetched again
        assertThatThrownBy(() -> files("wrong", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING))
                .isInstanceOf(DatasetIntegrityException.class).hasMessageContaining("SHA-256");
        assertThat(Files.readAllBytes(good)).hasSize(100); // the wrong download did not replace it
        assertThat(files("good", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING)).isEqualTo(good);
        assertThat(Files.readAllBytes(good)).isEqualTo(real);
    }

    @Test
    void aStalledDownloadTimesOutAndLeavesNoPartFile() throws Exception {
        DataFiles files = DataFiles.builder().dataDir(cache.resolve("nowhere")).cacheDir(cache).origin(origin + "stall")
                .readTimeout(java.time.Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> files.locate(KerasFile.BOSTON_HOUSING)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("stalled").hasMessageContaining("after 1000 bytes");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until it gave up").isLessThan(10);
        try (var left = Files.list(cache)) {
            assertThat(left.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void anEndlessBodyStopsAtTheFilesKnownSize() throws Exception {
        assertThatThrownBy(() -> files("endless", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING))
                .isInstanceOf(DatasetIntegrityException.class).hasMessageContaining("more than the 57026 bytes");
        try (var left = Files.list(cache)) {
            assertThat(left.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void anUnreachableServerSaysWhyAndWhatToPassOffline() throws Exception {
        server.stop(0); // nothing listens on the port any more: the connection is refused, with no message
        assertThatThrownBy(() -> files("good", new AtomicLong()).locate(KerasFile.BOSTON_HOUSING))
                .isInstanceOf(DatasetNotFoundException.class).hasMessageContaining("boston_housing.npz")
                .hasMessageContaining("could not download").hasMessageNotContaining(": null")
                .hasMessageContaining("ConnectException").hasMessageContaining("--data-dir")
                .hasMessageContaining("NN_DATA_DIR");
    }
}
