package dev.nn.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

class MarkdownEscapeTest {

    private static final List<String> TRICKY = List.of("-0.0104", "+0.0024", "0.2904", "- a list item", "+ item",
            "1. first", "12) twelfth", "---", "--", "# heading", "#hashtag", "a | b", "<script>alert(1)</script>",
            "test_loss", "*bold*", "`code`", "[link](http://x)", "![img](x.png)", "~~strike~~", "&amp;",
            "back\\slash", "0.8538 – 0.8795 (3 seeds)", "min > max", "a_b_c");

    /** Each string, escaped, parses back to exactly itself as a paragraph and as a table cell. */
    @Test
    void escapedTextRendersAsItself() {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        TextContentRenderer text = TextContentRenderer.builder().build();
        HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
        for (String s : TRICKY) {
            String escaped = MarkdownRenderer.escape(s);
            assertThat(text.render(parser.parse(escaped)).strip()).as("paragraph %s -> %s", s, escaped).isEqualTo(s);
            String table = "| h |\n| --- |\n| " + escaped + " |\n";
            String rendered = html.render(parser.parse(table));
            String cell = rendered.substring(rendered.indexOf("<td>") + 4, rendered.indexOf("</td>"));
            assertThat(cell.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"))
                    .as("cell %s -> %s", s, escaped).isEqualTo(s);
        }
    }

    @Test
    void numbersAndWordsStayReadableInTheSource() {
        assertThat(MarkdownRenderer.escape("-0.0104")).isEqualTo("-0.0104");
        assertThat(MarkdownRenderer.escape("0.8538 – 0.8795 (3 seeds)")).isEqualTo("0.8538 – 0.8795 (3 seeds)");
        assertThat(MarkdownRenderer.escape("imdb-wide")).isEqualTo("imdb-wide");
        assertThat(MarkdownRenderer.escape("test_loss")).isEqualTo("test\\_loss");
        assertThat(MarkdownRenderer.escape("- item")).isEqualTo("\\- item");
        assertThat(MarkdownRenderer.escape("1. first")).isEqualTo("1\\. first");
    }
}
