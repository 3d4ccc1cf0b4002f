package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds the disclaimer of an article with no sidecar, the way a sidecar marks it: the last paragraph that opens with
 * 特别声明, 免责声明 or 版权声明, or with 声明 or "Disclaimer" and a colon. Marked as the article's disclaimer line, it
 * is never content: not shown, quoted, searched, summarised or polled. A text that is nothing but such a paragraph
 * keeps it as content, so that it still has something to show.
 */
final class Disclaimers {
    private static final Pattern OPENING = Pattern.compile(
            "^[\\s【\\[（(]*(特别声明|免责声明|版权声明|声明\\s*[:：]|disclaimer\\s*[:：])", Pattern.CASE_INSENSITIVE);

    private Disclaimers() {
    }

    static OptionalInt find(List<String> lines) {
        for (int n = lines.size(); n >= 1; n--) {
            if (OPENING.matcher(lines.get(n - 1)).find()) {
                int disclaimer = n;
                boolean other = false;
                for (int k = 1; k <= lines.size() && !other; k++) {
                    other = k != disclaimer && !lines.get(k - 1).isBlank();
                }
                return other ? OptionalInt.of(disclaimer) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** The lines with the disclaimer blank, for what must not see it at all (finding section breaks). */
    static List<String> blanked(List<String> lines, OptionalInt disclaimer) {
        List<String> out = new ArrayList<>(lines);
        disclaimer.ifPresent(n -> out.set(n - 1, ""));
        return out;
    }
}
