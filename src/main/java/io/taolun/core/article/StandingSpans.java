package io.taolun.core.article;

import java.util.List;
import java.util.Optional;

/**
 * Makes a sentence that leans on the one before it (it opens with a connective or a bare demonstrative, see
 * {@link Fragments}) into a span that stands: the sentence together with those before it on its line, back to one that
 * stands alone. Cut from its paragraph a leaning sentence reads as a fragment, as a poll's claim or as the quote of
 * the day; when its line gives it no start that stands, or the span would be too long, there is none.
 */
final class StandingSpans {
    private final List<String> lines;
    private final List<Sentence> sentences;

    /** @param sentences every sentence of the article, in order */
    StandingSpans(List<String> lines, List<Sentence> sentences) {
        this.lines = lines;
        this.sentences = sentences;
    }

    /** The sentence itself when it stands; else its run back to a standing sentence, if that fits {@code max}. */
    Optional<Sentence> of(Sentence s, int max) {
        if (!Fragments.leans(s.text())) {
            return Optional.of(s);
        }
        int at = sentences.indexOf(s);
        for (int j = at - 1; j >= 0 && sentences.get(j).line() == s.line(); j--) {
            Sentence first = sentences.get(j);
            if (!Fragments.leans(first.text())) {
                String text = lines.get(s.line() - 1).substring(first.start(), s.start() + s.text().length());
                Sentence span = new Sentence(s.line(), first.start(), text, s.section());
                return span.length() <= max ? Optional.of(span) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
