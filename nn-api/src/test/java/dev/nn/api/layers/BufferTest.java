package dev.nn.api.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.Shape;
import dev.nn.api.Tensor;
import dev.nn.api.spi.Backend;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferTest {

    /** A tensor that records whether it was closed. */
    private static final class Fake implements Tensor {
        private final Shape shape;
        boolean closed;

        Fake(int rows, int cols) {
            shape = new Shape(rows, cols);
        }

        @Override
        public Shape shape() {
            return shape;
        }

        @Override
        public boolean isSparse() {
            return false;
        }

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A backend whose only operation is {@code zeros}, each call recorded. */
    private static Backend backend(List<Fake> made) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("zeros")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Fake t = new Fake((int) args[0], (int) args[1]);
                    made.add(t);
                    return t;
                });
    }

    @Test
    void anEpochsThreeBatchShapesAreAllocatedOnceEach() {
        List<Fake> made = new ArrayList<>();
        Backend backend = backend(made);
        Buffer buffer = new Buffer();
        Tensor full = null;
        Tensor last = null;
        Tensor validationLast = null;
        for (int epoch = 0; epoch < 5; epoch++) {
            for (int batch = 0; batch < 62; batch++) {
                Tensor t = buffer.get(backend, 128, 4096);
                full = full == null ? t : full;
                assertThat(t).isSameAs(full);
                assertThat(buffer.current()).isSameAs(full);
            }
            Tensor t = buffer.get(backend, 46, 4096);
            last = last == null ? t : last;
            assertThat(t).isSameAs(last);
            for (int batch = 0; batch < 7; batch++) {
                assertThat(buffer.get(backend, 128, 4096)).isSameAs(full);
            }
            t = buffer.get(backend, 104, 4096);
            validationLast = validationLast == null ? t : validationLast;
            assertThat(t).isSameAs(validationLast);
            assertThat(buffer.current()).isSameAs(validationLast);
        }
        assertThat(made).hasSize(3).noneMatch(f -> f.closed);
        assertThat(made).extracting(Tensor::rows).containsExactly(128, 46, 104);
    }

    @Test
    void aFourthShapeReplacesTheOneUsedLongestAgoAndClosesIt() {
        List<Fake> made = new ArrayList<>();
        Backend backend = backend(made);
        Buffer buffer = new Buffer();
        Tensor a = buffer.get(backend, 1, 8);
        Tensor b = buffer.get(backend, 2, 8);
        Tensor c = buffer.get(backend, 3, 8);
        assertThat(buffer.get(backend, 1, 8)).isSameAs(a);
        Tensor d = buffer.get(backend, 4, 8);
        assertThat(made.get(1).closed).as("the 2-row tensor, used longest ago").isTrue();
        assertThat(made.get(0).closed || made.get(2).closed).isFalse();
        assertThat(buffer.get(backend, 3, 8)).isSameAs(c);
        assertThat(buffer.get(backend, 1, 8)).isSameAs(a);
        assertThat(buffer.get(backend, 4, 8)).isSameAs(d);
        Tensor b2 = buffer.get(backend, 2, 8);
        assertThat(b2).isNotSameAs(b);
        assertThat(made).hasSize(5);
        assertThat(buffer.get(backend, 2, 9)).as("another width is another shape").isNotSameAs(b2);
    }
}
