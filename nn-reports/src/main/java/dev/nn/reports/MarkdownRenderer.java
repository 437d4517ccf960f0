package dev.nn.reports;

import java.util.List;
import java.util.Map;

/** Renders a {@link Report} as GitHub-flavoured Markdown; every text from the model is escaped. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    /** {@code imageDir} is the path, relative to the Markdown file, where the chart PNGs are. */
    public static String render(Report report, String imageDir) {
        return render(report, imageDir, Map.of());
    }

    /**
     * As {@link #render(Report, String)}, with a note saying why in place of each figure of {@code notDrawn}
     * (figure id to reason).
     */
    public static String render(Report report, String imageDir, Map<String, String> notDrawn) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(report.title())).append("\n\n");
        for (Map.Entry<String, String> f : report.facts().entrySet()) {
            md.append("- **").append(escape(f.getKey())).append("**: ").append(escape(f.getValue())).append('\n');
        }
        md.append('\n');
        // the summary figure first: it is what a reader should see without scrolling
        for (Figure f : report.figures()) {
            image(md, f, imageDir, notDrawn);
        }
        for (Table t : report.summary()) {
            table(md, t);
        }
        for (Section s : report.sections()) {
            md.append("## ").append(escape(s.title())).append("\n\n");
            if (!s.description().isBlank()) {
                md.append(escape(s.description())).append("\n\n");
            }
            for (Link l : s.links()) {
                md.append("[").append(escape(l.text())).append("](").append(l.href()).append(")\n\n");
            }
            for (Table t : s.tables()) {
                table(md, t);
            }
            for (Figure f : s.charts()) {
                image(md, f, imageDir, notDrawn);
            }
        }
        return md.toString();
    }

    private static void image(StringBuilder md, Figure f, String imageDir, Map<String, String> notDrawn) {
        String why = notDrawn.get(f.id());
        if (why != null) {
            md.append("*Figure not drawn, ").append(escape(f.title())).append(": ").append(escape(why))
                    .append(".*\n\n");
            return;
        }
        md.append("![").append(escape(f.alt())).append("](").append(imageDir).append(f.id()).append(".png)\n\n");
    }

    static void table(StringBuilder md, Table t) {
        row(md, t.headers());
        md.append('|');
        for (int i = 0; i < t.headers().size(); i++) {
            md.append(numeric(t, i) ? " ---: |" : " --- |");
        }
        md.append('\n');
        for (List<String> r : t.rows()) {
            row(md, r);
        }
        md.append('\n');
    }

    /** Numbers (and blanks or dashes) are right-aligned, text left. */
    private static boolean numeric(Table t, int column) {
        return !t.rows().isEmpty() && t.rows().stream().map(r -> r.get(column).strip())
                .allMatch(c -> c.isEmpty() || c.matches("[-+]?[0-9][0-9.,eE+-]*%?|—|-|[0-9.]+( / [0-9.—]+)*"));
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(escape(c)).append(" |");
        }
        md.append('\n');
    }

    /**
     * Backslash-escapes what Markdown would read as syntax, so text renders as itself: a title with
     * {@code |}, {@code <} or {@code *} stays text. Inline syntax characters are escaped everywhere; a
     * block marker ({@code # }, {@code - }, {@code + }, {@code 1. }, {@code ---}) only where it starts the
     * text (text is one line), so numbers such as {@code -0.0104} stay readable in the Markdown source.
     */
    public static String escape(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        StringBuilder out = new StringBuilder(flat.length() + 8);
        int digits = 0;
        while (digits < flat.length() && Character.isDigit(flat.charAt(digits))) {
            digits++;
        }
        for (int i = 0; i < flat.length(); i++) {
            char ch = flat.charAt(i);
            boolean inline = "\\`*_[]<>|~&!".indexOf(ch) >= 0;
            boolean spaceAfter = i + 1 == flat.length() || flat.charAt(i + 1) == ' ';
            boolean blockStart = i == 0 && "#+-".indexOf(ch) >= 0 && (spaceAfter || flat.startsWith("--"))
                    || i == digits && digits > 0 && (ch == '.' || ch == ')') && spaceAfter;
            if (inline || blockStart) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
