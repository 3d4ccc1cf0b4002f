package io.taolun.core.home;

import io.taolun.core.HomeTab;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.article.Article;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollOption;
import io.taolun.core.poll.PollViews;
import io.taolun.core.poll.Tally;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The home of a user in a workspace: the article's title and thesis; the workspace's open polls, newest first, each
 * with its counts (unless they are hidden until it closes) and the user's own choices; and the rituals' next posts,
 * soonest first. Polls of two rounds store their voters as hashes, so the user's choice there is not shown.
 */
public final class HomeView implements HomeTab {
    /** The most polls and scheduled posts shown: a home view holds at most 100 blocks. */
    static final int MAX_POLLS = 10;
    static final int MAX_POSTS = 10;
    private static final int THESIS_MAX = 600;
    private static final int QUESTION_MAX = 150;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<Article> article;
    private final PollViews polls;
    private final RitualService rituals;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param article the article shown (the library's default)
     * @param zone    the zone of poll deadlines ({@code zone} in the config); a ritual's post is shown in its own
     */
    public HomeView(Supplier<Article> article, PollViews polls, RitualService rituals, Clock clock, ZoneId zone) {
        this.article = article;
        this.polls = polls;
        this.rituals = rituals;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Reply of(String platform, String workspace, String user, Lang lang) {
        Messages m = Messages.of(lang);
        Article shown = article.get();
        Reply.Builder home = Reply.builder().title(shown.meta().title().in(lang));
        shown.thesis().ifPresent(t -> home.text(m.get("home.thesis", SafeText.cut(t.in(lang), THESIS_MAX))));
        Instant now = clock.instant();
        List<Poll> open = polls.openInWorkspace(platform, workspace, MAX_POLLS);
        home.text(open.isEmpty() ? m.get("home.noPolls") : m.get("home.polls", open.size()));
        for (Poll poll : open) {
            // one paragraph a poll, in order (fields would be laid out two abreast, after every paragraph)
            home.text(m.get("home.pollName", String.valueOf(poll.id()),
                    SafeText.cut(polls.statement(poll, lang), QUESTION_MAX)) + "\n" + describe(poll, user, now, m));
        }
        List<Next> next = rituals.inWorkspace(platform, workspace).stream()
                .map(r -> new Next(r, rituals.nextAt(r))).sorted(Comparator.comparing(Next::at))
                .limit(MAX_POSTS).toList();
        home.text(next.isEmpty() ? m.get("home.noPosts") : m.get("home.posts"));
        for (Next post : next) {
            home.text(m.get(post.ritual().spec().kind() == RitualKind.QOTD ? "home.qotd" : "home.weekly",
                    String.valueOf(post.ritual().id()), when(post.at(), post.ritual().spec().zone(), m)));
        }
        return home.footer(m.get("home.footer")).build();
    }

    private String describe(Poll poll, String user, Instant now, Messages m) {
        Tally tally = polls.queries().tally(poll);
        StringBuilder text = new StringBuilder();
        if (poll.resultsVisible(now)) {
            for (PollOption option : poll.options()) {
                text.append(m.get("home.count", SafeText.cut(option.label(m.lang()), 40),
                        tally.count(option.number()))).append('\n');
            }
        } else {
            text.append(m.get("home.hidden")).append('\n');
        }
        text.append(m.get("home.voters", tally.voters())).append('\n');
        text.append(yours(poll, user, m)).append('\n');
        poll.closesAt().ifPresent(at -> text.append(m.get("home.closes", when(at, zone, m))));
        return text.toString().strip();
    }

    /** The user's own choices in the poll: only they see their home. */
    private String yours(Poll poll, String user, Messages m) {
        if (poll.round().paired()) {
            return m.get("home.yoursHashed");
        }
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> option : polls.queries().voters(poll.id()).entrySet()) {
            Optional<PollOption> shown = poll.option(option.getKey());
            if (shown.isPresent() && option.getValue().contains(user)) {
                chosen.add(shown.get().label(m.lang()));
            }
        }
        return chosen.isEmpty() ? m.get("home.notYet")
                : m.get("home.yours", String.join(m.lang() == Lang.ZH ? "、" : ", ", chosen));
    }

    private static String when(Instant at, ZoneId zone, Messages m) {
        return m.get("home.when", TIME.format(at.atZone(zone)), zone.getId());
    }

    private record Next(Ritual ritual, Instant at) {
    }
}
