package io.taolun.discord;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Quote;
import io.taolun.core.article.Section;
import io.taolun.core.library.Shelf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * Choices offered while a user types an option, in the user's language: the sections, claims or quotes of the article
 * the channel discusses, or the library's articles.
 */
final class Autocomplete {
    static final int MAX_CHOICES = 25;
    private static final int NAME_MAX = 100;

    private final Shelf shelf;

    Autocomplete(Shelf shelf) {
        this.shelf = shelf;
    }

    List<Command.Choice> choices(ChannelRef where, String option, String typed, Lang lang) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<Command.Choice> out = new ArrayList<>();
        if (option.equals("article")) {
            for (Article a : shelf.articles()) {
                String name = a.id() + " · " + a.meta().title().in(lang);
                if (matches(name, needle)) {
                    out.add(new Command.Choice(cut(name), a.id()));
                }
            }
            return capped(out);
        }
        Article article = channelArticle(where);
        switch (option) {
            case "section" -> {
                for (Section s : article.sections()) {
                    String name = s.number() + " · " + s.title().in(lang);
                    if (matches(name, needle)) {
                        out.add(new Command.Choice(cut(name), s.number()));
                    }
                }
            }
            case "claim" -> {
                for (Claim c : article.claims()) {
                    String name = c.id() + " · " + (lang == Lang.EN ? c.gloss() : c.text());
                    if (matches(name, needle)) {
                        out.add(new Command.Choice(cut(name), c.id()));
                    }
                }
            }
            case "which" -> {
                for (String word : List.of("today", "random")) {
                    if (matches(word, needle)) {
                        out.add(new Command.Choice(word, word));
                    }
                }
                for (Quote q : article.quotes()) {
                    String name = q.number() + " · " + (lang == Lang.EN ? q.gloss() : q.text());
                    if (matches(name, needle)) {
                        out.add(new Command.Choice(cut(name), String.valueOf(q.number())));
                    }
                }
            }
            default -> {
                // no choices for other options
            }
        }
        return capped(out);
    }

    private static List<Command.Choice> capped(List<Command.Choice> out) {
        return out.size() > MAX_CHOICES ? out.subList(0, MAX_CHOICES) : out;
    }

    /** The channel's article; the default one when the choice cannot be read now (choices are only a help). */
    private Article channelArticle(ChannelRef where) {
        try {
            return shelf.of(where);
        } catch (RuntimeException e) {
            return shelf.defaultArticle();
        }
    }

    private static boolean matches(String name, String needle) {
        return needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String cut(String name) {
        return name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX - 1) + "…";
    }
}
