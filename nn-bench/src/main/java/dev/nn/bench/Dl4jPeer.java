package dev.nn.bench;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.MultiHotRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The peer the nd4j backend is measured against: the same three workloads on DL4J 1.0.0-M2.1's
 * {@code MultiLayerNetwork}, on the same ND4J, at its best settings. Same shapes and data as {@link Workloads}
 * (the same synthetic rows), RMSprop with Keras's settings (0.001, rho 0.9, epsilon 1e-7), Glorot-uniform
 * weights, zero biases, workspaces on. Every batch is densified once, before timing, and reused every epoch,
 * so DL4J pays nothing the java and nd4j backends' multi-hot input saves them.
 *
 * <p>Run by {@link Bench} in a JVM of its own, started with DL4J's recommended flags: JavaCPP's
 * {@code nopointergc} (every array here is closed or lives in a workspace) and {@code OMP_WAIT_POLICY=PASSIVE}.
 * It prints one {@code RESULT} line per workload for the parent to read.
 */
final class Dl4jPeer {

    private Dl4jPeer() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        String workloads = args[2];
        int bostonEpochs = Integer.parseInt(args[3]);
        double warmup = Double.parseDouble(args[4]);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        System.out.println("DESCRIPTION dl4j (DL4J 1.0.0-M2.1 MultiLayerNetwork, " + Nd4j.factory().blas().getBlasVendor()
                + ", " + threads + " threads, nopointergc, OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY") + ")");
        if (workloads.contains("A")) {
            Workloads.Imdb w = new Workloads.Imdb();
            Text a = new Text(w.train.x(), w.trainY, w.test.x(), null);
            Forked.report("A", Bench.epochs(() -> a.setUp(16, Activation.SIGMOID, LossFunction.XENT), a::epoch,
                    epochs, warmup));
            a.close();
        }
        if (workloads.contains("B")) {
            Workloads.Reuters w = new Workloads.Reuters();
            Text b = new Text(w.train.x(), w.trainY, w.val.x(), w.valY);
            Forked.report("B", Bench.epochs(() -> b.setUp(64, Activation.SOFTMAX, LossFunction.MCXENT), b::epoch,
                    epochs, warmup));
            b.close();
        }
        if (workloads.contains("C")) {
            Boston c = new Boston(new Workloads.Boston());
            Forked.report("C", Bench.steps(c::run, bostonEpochs, warmup));
            c.close();
        }
    }

    private static MultiLayerNetwork network(int inputs, int hidden, int outputs, Activation out, LossFunction loss,
            long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .updater(new RmsProp(1e-3, 0.9, 1e-7))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(hidden).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(loss).nIn(hidden).nOut(outputs).activation(out).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The dense float32 rows {@code [from, to)} of a multi-hot matrix. */
    private static INDArray dense(MultiHotRows x, int from, int to) {
        MultiHotRows rows = x.slice(from, to);
        return Nd4j.create(rows.toDense(), new long[] {to - from, x.cols()}, 'c');
    }

    private static INDArray dense(DenseMatrix m, int from, int to) {
        return Nd4j.create(Arrays.copyOfRange(m.data(), from * m.cols(), to * m.cols()), new long[] {to - from,
            m.cols()}, 'c');
    }

    /** Workloads A and B: train one epoch in batches of 512, then predict (A) or score (B) held-out rows. */
    private static final class Text {
        private final List<DataSet> train = new ArrayList<>();
        private final List<INDArray> test = new ArrayList<>();
        private final List<INDArray> testY = new ArrayList<>();
        private final int inputs;
        private final int outputs;
        private MultiLayerNetwork net;

        Text(MultiHotRows x, DenseMatrix y, MultiHotRows heldOut, DenseMatrix heldOutY) {
            inputs = x.cols();
            outputs = y.cols();
            for (int from = 0; from < x.rows(); from += 512) {
                int to = Math.min(x.rows(), from + 512);
                train.add(new DataSet(dense(x, from, to), dense(y, from, to)));
            }
            for (int from = 0; from < heldOut.rows(); from += 512) {
                int to = Math.min(heldOut.rows(), from + 512);
                test.add(dense(heldOut, from, to));
                if (heldOutY != null) {
                    testY.add(dense(heldOutY, from, to));
                }
            }
        }

        void setUp(int hidden, Activation out, LossFunction loss) {
            net = network(inputs, hidden, outputs, out, loss, 1);
        }

        void epoch() {
            for (DataSet batch : train) {
                net.fit(batch);
            }
            for (int i = 0; i < test.size(); i++) {
                if (testY.isEmpty()) {
                    try (INDArray out = net.output(test.get(i), false)) {
                        out.getFloat(0);
                    }
                } else {
                    net.score(new DataSet(test.get(i), testY.get(i)), false);
                }
            }
        }

        void close() {
            train.forEach(d -> {
                d.getFeatures().close();
                d.getLabels().close();
            });
            test.forEach(INDArray::close);
            testY.forEach(INDArray::close);
        }
    }

    /** Workload C: 4 folds of 303 training rows at batch size 1, each fold's 101 rows scored one by one. */
    private static final class Boston {
        private final List<List<DataSet>> trainFolds = new ArrayList<>();
        private final List<List<DataSet>> valFolds = new ArrayList<>();

        Boston(Workloads.Boston w) {
            DenseMatrix x = w.data.x();
            DenseMatrix y = w.data.y();
            for (int fold = 0; fold < Workloads.Boston.FOLDS; fold++) {
                int from = fold * 101;
                List<DataSet> tr = new ArrayList<>();
                List<DataSet> va = new ArrayList<>();
                for (int r = 0; r < x.rows(); r++) {
                    DataSet one = new DataSet(dense(x, r, r + 1), dense(y, r, r + 1));
                    (r >= from && r < from + 101 ? va : tr).add(one);
                }
                trainFolds.add(tr);
                valFolds.add(va);
            }
        }

        long run(int epochs) {
            long steps = 0;
            for (int fold = 0; fold < Workloads.Boston.FOLDS; fold++) {
                MultiLayerNetwork net = network(13, 64, 1, Activation.IDENTITY, LossFunction.MSE, fold);
                for (int e = 0; e < epochs; e++) {
                    for (DataSet one : trainFolds.get(fold)) {
                        net.fit(one);
                    }
                }
                for (DataSet one : valFolds.get(fold)) {
                    net.score(one, false);
                }
                steps += (long) epochs * trainFolds.get(fold).size();
                net.close();
            }
            return steps;
        }

        void close() {
            for (List<List<DataSet>> folds : List.of(trainFolds, valFolds)) {
                folds.forEach(f -> f.forEach(d -> {
                    d.getFeatures().close();
                    d.getLabels().close();
                }));
            }
        }
    }
}
