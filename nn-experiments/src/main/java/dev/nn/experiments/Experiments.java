package dev.nn.experiments;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every registered experiment in book order, and the selection of ids, sections or {@code all}. */
public final class Experiments {

    private final List<Experiment> all;

    @Inject
    public Experiments(Set<Experiment> experiments) {
        // stable: within a section, variants keep the order the book discusses them in (registration order)
        this.all = experiments.stream().sorted(java.util.Comparator.comparing(Experiments::order)).toList();
    }

    private static String order(Experiment e) {
        // book order: by section, the main experiment before its variants
        String[] parts = e.section().split("\\.");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            key.append(String.format("%03d", i < parts.length ? Integer.parseInt(parts[i]) : 0));
        }
        return key.append(e.id().contains("-") ? "1" : "0").toString();
    }

    public List<Experiment> all() {
        return all;
    }

    public List<String> ids() {
        return all.stream().map(Experiment::id).toList();
    }

    public List<String> sections() {
        return all.stream().map(Experiment::section).distinct().toList();
    }

    /**
     * The experiments named by {@code selectors}: ids, sections ({@code 3.5} takes 3.5 and its subsections)
     * or {@code all}.
     *
     * @throws UnknownExperimentException naming the selector and the valid choices
     */
    public List<Experiment> select(List<String> selectors) {
        Set<Experiment> out = new LinkedHashSet<>();
        for (String s : selectors) {
            List<Experiment> match = new ArrayList<>();
            for (Experiment e : all) {
                if (s.equals("all") || e.id().equals(s) || e.section().equals(s) || e.section().startsWith(s + ".")) {
                    match.add(e);
                }
            }
            if (match.isEmpty()) {
                throw new UnknownExperimentException(s, ids(), sections());
            }
            out.addAll(match);
        }
        return List.copyOf(out);
    }
}
