package io.taolun.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits command text into words. Straight double quotes group words with spaces; curly quotes do too, but only when
 * “ opens a word, so titles such as 从“快”到“慢” keep their quotes.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean quoted = quote != 0;
            if ((!quoted && (c == '"' || (c == '“' && !inWord))) || (quoted && c == (quote == '“' ? '”' : '"'))) {
                quote = quoted ? 0 : c;
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
        if (quote != 0) {
            throw new BadInputException("error.quote.unclosed");
        }
        if (inWord) {
            out.add(current.toString());
        }
        return out;
    }
}
