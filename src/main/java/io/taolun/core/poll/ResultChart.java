package io.taolun.core.poll;

import io.taolun.core.Attachment;

/** Port: draws a poll's result as a picture (a PNG bar chart). Implemented outside the core, where AWT lives. */
public interface ResultChart {
    /** The chart as a PNG attachment named {@code poll-<id>.png}. */
    Attachment render(ChartSpec spec);
}
