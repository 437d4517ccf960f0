"""The nn-bench workloads A, B and C on numpy + scipy (CSR first layer), for comparison only: nothing in the
build or the tests runs it. Keras semantics as in nn-bench: Glorot-uniform, RMSprop(0.001, 0.9, 1e-7),
batch 512 (A, B) and 1 (C), median of 11 epochs after 2 warm-up.

    OPENBLAS_NUM_THREADS=2 python3 nn-bench/peers/numpy_scipy.py [--no-shuffle]
"""
import numpy as np, scipy.sparse as sp, time, sys
rng = np.random.default_rng(1)
f32 = np.float32
def multihot(rows, width, ones):
    indptr = [0]; idx = []
    for r in range(rows):
        k = max(1, int(rng.poisson(ones)))
        c = np.unique(rng.integers(0, width, k)); idx.append(c); indptr.append(indptr[-1] + len(c))
    idx = np.concatenate(idx)
    return sp.csr_matrix((np.ones(len(idx), f32), idx, np.array(indptr)), shape=(rows, width))
def glorot(i, o):
    l = np.sqrt(6 / (i + o)); return rng.uniform(-l, l, (i, o)).astype(f32)
class Net:
    def __init__(s, sizes, out):
        s.W = [glorot(a, b) for a, b in zip(sizes[:-1], sizes[1:])]; s.b = [np.zeros(b, f32) for b in sizes[1:]]
        s.vW = [np.zeros_like(w) for w in s.W]; s.vb = [np.zeros_like(b) for b in s.b]; s.out = out
    def forward(s, x):
        hs = [x]
        for i, (w, b) in enumerate(zip(s.W, s.b)):
            z = hs[-1] @ w + b
            if i < len(s.W) - 1: z = np.maximum(z, 0)
            elif s.out == 'sigmoid': z = 1 / (1 + np.exp(-z))
            elif s.out == 'softmax': z = np.exp(z - z.max(1, keepdims=True)); z /= z.sum(1, keepdims=True)
            hs.append(z)
        return hs
    def step(s, x, y):
        hs = s.forward(x); n = x.shape[0]
        g = (hs[-1] - y) / n if s.out != 'linear' else 2 * (hs[-1] - y) / n
        for i in range(len(s.W) - 1, -1, -1):
            gw = hs[i].T @ g; gb = g.sum(0)
            if sp.issparse(gw): gw = gw.toarray()
            gw = np.asarray(gw, f32)
            if i > 0: g = (g @ s.W[i].T) * (hs[i] > 0)
            for p, gr, v in ((s.W[i], gw, s.vW[i]), (s.b[i], gb, s.vb[i])):
                v *= f32(0.9); v += f32(0.1) * gr * gr
                p -= f32(0.001) * gr / np.sqrt(v + f32(1e-7))
SHUFFLE = '--no-shuffle' not in sys.argv
cache = {}
def epoch(net, x, y, bs, after):
    if SHUFFLE:
        order = rng.permutation(x.shape[0])
        for i in range(0, x.shape[0], bs):
            o = order[i:i + bs]; net.step(x[o], y[o])
    else:
        key = id(x)
        if key not in cache:
            cache[key] = [(x[i:i + bs], y[i:i + bs]) for i in range(0, x.shape[0], bs)]
        for xb_, yb_ in cache[key]:
            net.step(xb_, yb_)
    after()
def median_epochs(setup, run, n=11):
    setup(); run(); run(); ts = []
    for _ in range(n):
        t = time.perf_counter(); run(); ts.append(time.perf_counter() - t)
    return sorted(ts)[n // 2]
xa = multihot(15000, 10000, 130); ya = rng.integers(0, 2, (15000, 1)).astype(f32); ta = multihot(10000, 10000, 130)
st = {}
def setA(): st['n'] = Net([10000, 16, 16, 1], 'sigmoid')
A = median_epochs(setA, lambda: epoch(st['n'], xa, ya, 512, lambda: [st['n'].forward(ta[i:i+512]) for i in range(0, 10000, 512)]))
xb = multihot(7982, 10000, 80); yb = np.eye(46, dtype=f32)[rng.integers(0, 46, 7982)]; vb = multihot(1000, 10000, 80)
def setB(): st['n'] = Net([10000, 64, 64, 46], 'softmax')
B = median_epochs(setB, lambda: epoch(st['n'], xb, yb, 512, lambda: [st['n'].forward(vb[i:i+512]) for i in range(0, 1000, 512)]))
xc = rng.normal(size=(404, 13)).astype(f32); yc = rng.normal(20, 9, (404, 1)).astype(f32)
t = time.perf_counter(); steps = 0
for fold in range(4):
    net = Net([13, 64, 64, 1], 'linear'); m = np.ones(404, bool); m[fold*101:(fold+1)*101] = False
    x, y = xc[m], yc[m]
    for e in range(100):
        epoch(net, x, y, 1, lambda: None); steps += len(x)
    net.forward(xc[~m])
C = time.perf_counter() - t
print(f"numpy {np.__version__} + scipy CSR: A {A:.4f} s/epoch  B {B:.4f} s/epoch  C {C:.2f} s total ({C*1e6/steps:.1f} us/step)")
