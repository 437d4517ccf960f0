package dev.nn.api.optimizers;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;

/** Per-parameter optimizer state, created as zeros of the parameter's shape on first use. */
final class Slots {

    private final Map<Parameter, Tensor> slots = new IdentityHashMap<>();

    Tensor get(Parameter p) {
        return slots.computeIfAbsent(p, k -> k.value().backend().zeros(k.value().rows(), k.value().cols()));
    }
}
