package io.taolun.core.article;

import io.taolun.core.BadInputException;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.SafeText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a section reference typed by a user: a number, or words from a section title in either language. */
final class SectionArg {
    private SectionArg() {
    }

    static boolean isNumber(String word) {
        return SafeText.halfWidth(word).matches("[+-]?[0-9]+");
    }

    /** A whole number typed by a user, or {@code fallback} when it does not fit an int. */
    static int toInt(String word, int fallback) {
        try {
            return Integer.parseInt(SafeText.halfWidth(word));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Section resolve(Article article, List<String> args, Lang lang) {
        String typed = String.join(" ", args);
        int count = article.sections().size();
        List<String> words = args.stream().map(SectionArg::comparable).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new BadInputException("error.section.missing", count);
        }
        if (args.size() == 1 && isNumber(args.get(0))) {
            return article.section(toInt(args.get(0), -1))
                    .orElseThrow(() -> new BadInputException("error.section.range", SafeText.echo(typed), count));
        }
        List<Section> matches = article.sections().stream()
                .filter(s -> words.stream().allMatch(w -> titles(s).contains(w)))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new BadInputException("error.section.noMatch", SafeText.echo(typed), count);
        }
        String candidates = matches.stream()
                .map(s -> Messages.of(lang).get("section.name", s.number(), s.title().in(lang)))
                .collect(Collectors.joining(" / "));
        throw new BadInputException("error.section.ambiguous", SafeText.echo(typed), candidates);
    }

    private static String titles(Section s) {
        return comparable(s.title().zh() + " " + s.title().en());
    }

    /** Lower case, without the quotation marks that users may or may not copy along with a title. */
    private static String comparable(String text) {
        return text.replaceAll("[\"“”「」『』《》]", "").toLowerCase(Locale.ROOT).strip();
    }
}
