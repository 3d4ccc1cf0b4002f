package io.taolun.core.complete;

import io.taolun.core.ChannelRef;
import io.taolun.core.Completions;
import io.taolun.core.Lang;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Quote;
import io.taolun.core.article.Section;
import io.taolun.core.library.Shelf;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollViews;
import io.taolun.core.ritual.ScheduleWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Choices offered while a user types an option, in the user's language: the sections, claims, quotes or open polls of
 * the article the channel discusses, the library's articles, or time zones. Called by adapters off their event
 * threads (the channel's article and its open polls may need a database read).
 */
public final class OptionChoices implements Completions {
    private static final int NAME_MAX = 100;

    private final Shelf shelf;
    private final PollViews polls;

    public OptionChoices(Shelf shelf, PollViews polls) {
        this.shelf = shelf;
        this.polls = polls;
    }

    @Override
    public int mostSections() {
        return Math.max(1, shelf.articles().stream().mapToInt(a -> a.sections().size()).max().orElse(1));
    }

    @Override
    public List<Choice> choices(ChannelRef where, String option, String typed, Lang lang) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<Choice> out = new ArrayList<>();
        if (option.equals("article")) {
            for (Article a : shelf.articles()) {
                String name = a.id() + " · " + a.meta().title().in(lang);
                if (matches(name, needle)) {
                    out.add(new Choice(cut(name), a.id(), false));
                }
            }
            return capped(out);
        }
        if (option.equals("zone")) {
            return zones(needle);
        }
        Article article = channelArticle(where);
        switch (option) {
            case "section" -> {
                for (Section s : article.sections()) {
                    String name = s.number() + " · " + s.title().in(lang);
                    if (matches(name, needle)) {
                        out.add(new Choice(cut(name), String.valueOf(s.number()), true));
                    }
                }
            }
            case "claim" -> {
                for (Claim c : article.claims()) {
                    String name = c.id() + " · " + c.statement().in(lang);
                    if (matches(name, needle)) {
                        out.add(new Choice(cut(name), c.id(), false));
                    }
                }
            }
            case "which" -> {
                for (String word : List.of("today", "random")) {
                    if (matches(word, needle)) {
                        out.add(new Choice(word, word, false));
                    }
                }
                for (Quote q : article.quotes()) {
                    String name = q.number() + " · " + (lang == Lang.EN ? q.gloss() : q.text());
                    if (matches(name, needle)) {
                        out.add(new Choice(cut(name), String.valueOf(q.number()), false));
                    }
                }
            }
            case "poll" -> {
                // a poll whose id starts with what was typed comes before one whose claim merely contains it
                String id = needle.startsWith("#") ? needle.substring(1) : needle;
                List<Choice> byText = new ArrayList<>();
                for (Poll p : openPolls(where, article)) {
                    String name = "#" + p.id() + " · " + p.claimId().map(c -> claimLabel(article, c, lang)
                            .orElse(p.question())).orElse(p.question());
                    if (String.valueOf(p.id()).startsWith(id)) {
                        out.add(new Choice(cut(name), String.valueOf(p.id()), true));
                    } else if (matches(name, needle)) {
                        byText.add(new Choice(cut(name), String.valueOf(p.id()), true));
                    }
                }
                out.addAll(byText);
            }
            default -> {
                // no choices for other options
            }
        }
        return capped(out);
    }

    /** Zone names containing what was typed, those where it starts a word ({@code sha}: Asia/Shanghai) first. */
    private static List<Choice> zones(String needle) {
        List<String> starts = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        for (String zone : ScheduleWords.zoneNames()) {
            String lower = zone.toLowerCase(Locale.ROOT);
            int at = lower.indexOf(needle);
            if (at == 0 || (at > 0 && !Character.isLetterOrDigit(lower.charAt(at - 1)))) {
                starts.add(zone);
            } else if (at > 0) {
                inside.add(zone);
            }
        }
        starts.addAll(inside);
        return capped(starts.stream().map(z -> new Choice(z, z, false)).toList());
    }

    @Override
    public List<Choice> claims(ChannelRef where, Lang lang) {
        return channelArticle(where).claims().stream()
                .map(c -> new Choice(cut(c.id() + " · " + c.statement().in(lang)), c.id(), false)).toList();
    }

    /** The claim as a user reads it: its statement, in the user's language. */
    private static Optional<String> claimLabel(Article article, String claimId, Lang lang) {
        return article.claims().stream().filter(c -> c.id().equals(claimId)).findFirst()
                .map(c -> c.id() + " · " + c.statement().in(lang));
    }

    /** The open polls of the channel's article; none when they cannot be read now (choices are only a help). */
    private List<Poll> openPolls(ChannelRef where, Article article) {
        try {
            return polls.openIn(where, article.id());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<Choice> capped(List<Choice> out) {
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
