package dev.nn.reports;

import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer.Builder;

/**
 * Renders a {@link Report} as one self-contained HTML page: the Markdown rendering converted by
 * commonmark-java (raw HTML escaped, so text from results can never become markup), wrapped in a page
 * with inline CSS. No JavaScript, no external resources; images are relative links.
 */
public final class HtmlRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:980px;margin:2em auto;
            padding:0 1em;color:#1f2328;line-height:1.5}
            h1{border-bottom:1px solid #d0d7de;padding-bottom:.3em}h2{margin-top:2em;border-bottom:1px solid #eaeef2}
            table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d0d7de;padding:4px 10px}
            th{background:#f6f8fa}tr:nth-child(even) td{background:#fafbfc}td{font-variant-numeric:tabular-nums}
            img{max-width:100%;border:1px solid #eaeef2;margin:.5em 0}code{background:#f6f8fa;padding:0 3px}
            """;

    private HtmlRenderer() {
    }

    public static String render(Report report, String imageDir) {
        return render(report, imageDir, Map.of());
    }

    /** As {@link #render(Report, String)}, with a note instead of the image for each figure in {@code notDrawn}. */
    public static String render(Report report, String imageDir, Map<String, String> notDrawn) {
        String markdown = MarkdownRenderer.render(report, imageDir, notDrawn);
        Builder builder = org.commonmark.renderer.html.HtmlRenderer.builder().escapeHtml(true).extensions(EXTENSIONS);
        String body = builder.build().render(Parser.builder().extensions(EXTENSIONS).build().parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escapeText(report.title()) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    /** HTML text escaping for the few places outside the Markdown body. */
    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
