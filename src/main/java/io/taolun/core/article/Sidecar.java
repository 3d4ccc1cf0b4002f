package io.taolun.core.article;

import java.util.List;
import java.util.Map;

/** The shape of a curated {@code seeds/*.yaml} file, exactly as written; validated by {@link SidecarValidator}. */
record Sidecar(
        Meta meta,
        Text thesis,
        List<SectionEntry> sections,
        List<ClaimEntry> claims,
        List<QuoteEntry> quotes,
        ClosingEntry closing,
        DisclaimerEntry disclaimer,
        Map<Integer, String> translation) {

    record Text(String zh, String en) {
    }

    /**
     * {@code date} is the date the article itself was published, when it is known; leave it out rather than give the
     * date of a piece the article discusses.
     */
    record Meta(Text title, Text source, String date, String language) {
    }

    record SectionEntry(String id, Text title, List<Integer> lines, Text summary) {
    }

    /**
     * {@code options} is a scale's name ({@code likert}, {@code will}, ...) or a list of {@link Text}s; {@code prompts}
     * are the 2 or 3 questions its poll's thread asks, in order.
     */
    record ClaimEntry(String id, String section, String kind, String text, Text statement, Text question,
            Object options, List<Text> prompts) {
    }

    /** {@code daily: false} keeps a quote out of the quote-of-the-day rotation; it defaults to true. */
    record QuoteEntry(String id, String section, String text, String gloss, Boolean daily) {
    }

    record ClosingEntry(Integer line, String text, String gloss) {
    }

    record DisclaimerEntry(Integer line) {
    }
}
