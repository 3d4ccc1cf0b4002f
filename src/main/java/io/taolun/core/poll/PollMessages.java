package io.taolun.core.poll;

import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The current state of a poll's own message (the claim, the buttons, the live tally), for adapters that keep the
 * posted poll up to date, such as Slack's {@code chat.update}.
 */
public final class PollMessages {
    private final PollStore store;
    private final PollReplies replies;
    private final Clock clock;

    public PollMessages(PollService service, PollStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.replies = new PollReplies(service.article(), zone);
        this.clock = clock;
    }

    /** The poll's message as of now, if the poll exists on this platform and workspace. */
    public Optional<Reply> current(String platform, String workspace, long pollId, Lang lang) {
        return store.find(pollId)
                .filter(p -> p.where().platform().equals(platform) && p.where().workspace().equals(workspace))
                .map(p -> {
                    boolean visible = !p.hiddenResults() || !p.isOpen(clock.instant());
                    return replies.poll(p, store.tally(p), visible, Messages.of(lang), clock.instant());
                });
    }

    /** The poll id a vote button's action carries ({@code vote <id> <option>}), if it is one. */
    public static Optional<Long> pollOf(String action) {
        String[] words = action.strip().split("\\s+");
        if (words.length == 3 && words[0].equals("vote") && words[1].matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(words[1]));
        }
        return Optional.empty();
    }
}
