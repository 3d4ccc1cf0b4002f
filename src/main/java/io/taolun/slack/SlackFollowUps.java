package io.taolun.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.poll.CoalescedUpdates;
import io.taolun.core.poll.PollMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Slack adapter sends after acknowledging a request: answers that were not ready in time (or that post as
 * the bot, such as polls) and the live tally of a poll message after a button press, at most once a second.
 */
final class SlackFollowUps {
    private static final Logger LOG = LoggerFactory.getLogger(SlackFollowUps.class);

    /** A posted poll message whose tally is kept current. */
    record TallyTarget(String workspace, String channel, String ts, long pollId) {
    }

    private final SlackWeb web;
    private final SlackMessages messages;
    private final Gson gson;
    private final PollMessages polls;
    private final Lang lang;
    private final CoalescedUpdates<TallyTarget> tally;

    SlackFollowUps(SlackWeb web, SlackMessages messages, Gson gson, PollMessages polls, Lang lang,
            ScheduledExecutorService timers, ExecutorService calls, Clock clock) {
        this.web = web;
        this.messages = messages;
        this.gson = gson;
        this.polls = polls;
        this.lang = lang;
        this.tally = new CoalescedUpdates<>(timers, clock, Duration.ofSeconds(1),
                target -> CompletableFuture.runAsync(() -> updatePoll(target), calls));
    }

    /** A poll message's tally changed (a vote through its button). */
    void tallyChanged(TallyTarget target) {
        tally.changed(target);
    }

    /** Sends a reply that could not go in the acknowledgement. */
    void deliver(Reply reply, ChatRequest chat, String responseUrl) {
        if (SlackMessages.postsAsBot(reply)) {
            List<LayoutBlock> blocks = BlockKit.render(reply, null, null);
            SlackWeb.Result<?> posted = web.call("chat.postMessage", false, m -> m.chatPostMessage(r -> r
                    .channel(chat.channel()).text(BlockKit.fallback(reply)).blocks(blocks).unfurlLinks(false)
                    .unfurlMedia(false)));
            if (posted.ok()) {
                return;
            }
            if (!posted.surelyNotDone()) {
                // Slack may have posted before failing: say so rather than risk posting the poll twice
                Messages m = Messages.of(lang);
                Reply uncertain = Reply.builder().error().text(m.get("slack.postUncertain")).build();
                if (responseUrl != null) {
                    web.respond(responseUrl, gson.toJson(messages.message(uncertain, chat, false)));
                }
                return;
            }
            LOG.info("chat.postMessage refused (is the bot in the channel?); posting through response_url instead");
        }
        if (responseUrl != null) {
            web.respond(responseUrl, gson.toJson(messages.message(reply, chat, false)));
        }
    }

    private void updatePoll(TallyTarget target) {
        if (polls.keptCurrentElsewhere(target.pollId())) {
            return;
        }
        polls.current("slack", target.workspace(), target.pollId(), lang).ifPresent(reply -> {
            List<LayoutBlock> blocks = BlockKit.render(reply, null, null);
            web.call("chat.update", true, m -> m.chatUpdate(r -> r.channel(target.channel()).ts(target.ts())
                    .text(BlockKit.fallback(reply)).blocks(blocks)));
        });
    }
}
