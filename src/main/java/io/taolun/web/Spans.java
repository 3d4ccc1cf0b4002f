package io.taolun.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paragraph cut into runs of text, some of them marked (a claim's span, a quote's): the template writes each run
 * escaped, inside its mark when it has one. A span that overlaps one marked before it is left unmarked.
 */
final class Spans {
    /** A span to mark: where it is in the line, and what the template shows for it. */
    record Mark(int start, int end, Map<String, Object> model) {
    }

    private Spans() {
    }

    /** The line as runs: {@code {text}} alone, or {@code {text, mark}} with the mark's model under its kind. */
    static List<Map<String, Object>> runs(String line, List<Mark> marks) {
        List<Mark> chosen = new ArrayList<>();
        for (Mark mark : marks) {
            boolean overlaps = chosen.stream().anyMatch(m -> mark.start() < m.end() && m.start() < mark.end());
            if (!overlaps && mark.start() >= 0 && mark.end() <= line.length() && mark.start() < mark.end()) {
                chosen.add(mark);
            }
        }
        chosen.sort(Comparator.comparingInt(Mark::start));
        List<Map<String, Object>> runs = new ArrayList<>();
        int at = 0;
        for (Mark mark : chosen) {
            if (mark.start() > at) {
                runs.add(Map.of("text", line.substring(at, mark.start())));
            }
            java.util.LinkedHashMap<String, Object> run = new java.util.LinkedHashMap<>(mark.model());
            run.put("text", line.substring(mark.start(), mark.end()));
            runs.add(run);
            at = mark.end();
        }
        if (at < line.length()) {
            runs.add(Map.of("text", line.substring(at)));
        }
        return runs;
    }

    /** Where a verbatim span is in the line, as a mark; empty when it is not there. */
    static Optional<Mark> find(String line, String span, Map<String, Object> model) {
        int start = line.indexOf(span);
        return start < 0 || span.isEmpty() ? Optional.empty()
                : Optional.of(new Mark(start, start + span.length(), model));
    }
}
