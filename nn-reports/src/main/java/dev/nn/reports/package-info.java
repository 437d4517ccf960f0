/** Report model and renderers: {@link dev.nn.reports.Reports#render} writes Markdown, HTML and PNG charts. */
package dev.nn.reports;
