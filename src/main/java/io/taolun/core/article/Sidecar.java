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

    record Meta(Text title, Text source, String date, String language) {
    }

    record SectionEntry(String id, Text title, List<Integer> lines, Text summary) {
    }

    record ClaimEntry(String id, String section, String kind, String text, String gloss) {
    }

    record QuoteEntry(String id, String section, String text, String gloss) {
    }

    record ClosingEntry(Integer line, String text, String gloss) {
    }

    record DisclaimerEntry(Integer line) {
    }
}
