/**
 * Result reports: GitHub-flavoured Markdown and a self-contained HTML page per run, with PNG line
 * charts drawn like the book's matplotlib figures. The input is this module's own model
 * ({@link dev.nn.reports.Report}, {@link dev.nn.reports.Section}, {@link dev.nn.reports.Table},
 * {@link dev.nn.reports.Chart}), so any project can render tables and curves with it.
 */
module dev.nn.reports {
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;

    exports dev.nn.reports;
}
