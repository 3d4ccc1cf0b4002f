package io.taolun.core;

import java.util.ArrayList;
import java.util.List;

/** Splits command text into words; double quotes (straight or curly) group words with spaces. */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || (!quoted && c == '“') || (quoted && c == '”')) {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new BadInputException("error.quote.unclosed");
        }
        if (inWord) {
            out.add(current.toString());
        }
        return out;
    }
}
