package io.taolun.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Library;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollOption;
import io.taolun.core.poll.PollQueries;
import io.taolun.core.poll.Tally;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a poll's page shows: its question and claim with the citation linking into the reading page, its state, and
 * bars per option for each round (both, for a poll of two rounds), or no counts while its results are hidden. It
 * shows counts only, never who voted. The same counts as JSON feed the script that refreshes the bars.
 */
final class PollPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Library library;
    private final PollQueries polls;
    private final Clock clock;

    PollPage(Library library, PollQueries polls, Clock clock) {
        this.library = library;
        this.polls = polls;
        this.clock = clock;
    }

    /** The poll of a page; a deleted poll has none, as if it had never been. */
    Optional<Poll> find(long id) {
        return polls.find(id).filter(p -> p.deletedAt().isEmpty());
    }

    Map<String, Object> model(Poll poll, boolean english) {
        Instant now = clock.instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", poll.id());
        model.put("state", state(poll, now));
        model.put("stateText", WebText.of(english).get(state(poll, now)));
        Optional<Article> article = library.find(poll.articleId());
        Optional<Claim> claim = article.flatMap(a -> poll.claimId().flatMap(id -> a.claims().stream()
                .filter(c -> c.id().equals(id)).findFirst()));
        if (claim.isPresent()) {
            Claim c = claim.get();
            model.put("statementZh", c.statement().zh());
            model.put("statementEn", ArticlePage.other(c.statement().en(), c.statement().zh()));
            model.put("question", english ? c.question().en() : c.question().zh());
            model.put("citation", Map.of("text", c.text(), "href", "/articles/" + article.get().id()
                    + (english ? "?lang=en" : "") + "#l" + c.line(),
                    "label", c.id() + " · §" + c.section().number() + " "
                            + (english ? c.section().title().en() : c.section().title().zh()) + " · "
                            + WebText.format(english, "line", c.line())));
        } else {
            model.put("question", poll.question());
        }
        article.ifPresent(a -> model.put("article", Map.of("href", "/articles/" + a.id(),
                "title", english ? a.meta().title().en() : a.meta().title().zh())));
        List<Map<String, Object>> rounds = new ArrayList<>();
        List<Poll> pair = pair(poll);
        for (int i = 0; i < pair.size(); i++) {
            rounds.add(round(pair.get(i), pair.size() == 1 ? "" : WebText.of(english).get("round" + (i + 1)),
                    english, now));
        }
        model.put("rounds", rounds);
        return model;
    }

    /**
     * {@code {"id", "state", "rounds": [{"poll", "visible", "total", "options": [{"number", "votes", "percent"}]}]}};
     * a poll of several choices adds {@code "voters"} and {@code "maxChoices"} to its round ({@code total} counts
     * choices, {@code percent} is of voters).
     */
    byte[] json(Poll poll) {
        Instant now = clock.instant();
        ObjectNode out = JSON.createObjectNode().put("id", poll.id()).put("state", state(poll, now));
        ArrayNode rounds = out.putArray("rounds");
        for (Poll p : pair(poll)) {
            ObjectNode round = rounds.addObject().put("poll", p.id()).put("visible", p.resultsVisible(now));
            ArrayNode options = round.putArray("options");
            if (p.resultsVisible(now)) {
                Tally tally = polls.tally(p);
                round.put("total", tally.total());
                if (p.multipleChoice()) {
                    round.put("voters", tally.voters()).put("maxChoices", p.maxChoices());
                }
                List<Integer> percent = tally.percentages();
                for (PollOption o : p.options()) {
                    options.addObject().put("number", o.number()).put("votes", tally.count(o.number()))
                            .put("percent", percent.get(o.number() - 1));
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The poll with its other round, in order, when it has two rounds and both are open or done. */
    private List<Poll> pair(Poll poll) {
        if (poll.round().isSecond()) {
            Optional<Poll> first = poll.round().firstRound().flatMap(polls::find);
            return first.isPresent() ? List.of(first.get(), poll) : List.of(poll);
        }
        if (poll.round().paired()) {
            Optional<Poll> second = polls.secondRound(poll.id());
            return second.isPresent() ? List.of(poll, second.get()) : List.of(poll);
        }
        return List.of(poll);
    }

    private Map<String, Object> round(Poll poll, String label, boolean english, Instant now) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("poll", poll.id());
        if (!label.isEmpty()) {
            round.put("label", label + " · #" + poll.id());
        }
        boolean visible = poll.resultsVisible(now);
        Tally tally = visible ? polls.tally(poll) : Tally.empty(poll.slots());
        List<Integer> percent = tally.percentages();
        List<Map<String, Object>> options = new ArrayList<>();
        for (PollOption o : poll.options()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("number", o.number());
            option.put("label", english ? o.en() : o.zh());
            if (visible) {
                option.put("votes", tally.count(o.number()));
                option.put("percent", percent.get(o.number() - 1));
            }
            options.add(option);
        }
        round.put("options", options);
        round.put("visible", visible);
        if (poll.multipleChoice()) {
            String format = WebText.of(english).get("totalSeveral");
            round.put("format", format);
            round.put("formatOne", format);
        } else {
            round.put("format", WebText.of(english).get("total"));
            round.put("formatOne", WebText.of(english).get("totalOne"));
        }
        if (visible && poll.multipleChoice()) {
            round.put("total", WebText.format(english, "totalSeveral", tally.voters(), tally.total(),
                    poll.maxChoices()));
            round.put("severalNote", WebText.of(english).get("severalNote"));
        } else if (visible) {
            round.put("total", WebText.total(english, tally.total()));
        } else {
            round.put("hiddenText", WebText.of(english).get("hiddenResults"));
        }
        return round;
    }

    private static String state(Poll poll, Instant now) {
        if (!poll.isOpen(now)) {
            return "closed";
        }
        return poll.resultsVisible(now) ? "open" : "hidden";
    }
}
