/**
 * Draws a poll's result as a PNG bar chart ({@link io.taolun.chart.PngResultChart}, the core's
 * {@link io.taolun.core.poll.ResultChart} port) with XChart and AWT, in a bundled CJK font so Chinese labels show
 * on machines with no CJK font installed. Wired by the app; the core never depends on it.
 */
package io.taolun.chart;
