package io.taolun.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.taolun.core.Attachment;
import io.taolun.core.Block;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.DeliveryException;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.PollPosts;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Slack adapter sends after acknowledging a request: answers that were not ready in time (or that post as
 * the bot, such as polls) and files (a CSV export). Every post goes through the {@link SlackGateway}; the id of a
 * posted poll message is handed to the core, which keeps that message current from then on.
 */
final class SlackFollowUps {
    private static final Logger LOG = LoggerFactory.getLogger(SlackFollowUps.class);

    private final SlackWeb web;
    private final SlackGateway gateway;
    private final SlackPayloads messages;
    private final Gson gson;
    private final PollPosts polls;
    private final Lang lang;
    private final ScheduledExecutorService timers;
    private final ExecutorService calls;

    SlackFollowUps(SlackWeb web, SlackGateway gateway, SlackPayloads messages, Gson gson, PollPosts polls, Lang lang,
            ScheduledExecutorService timers, ExecutorService calls) {
        this.web = web;
        this.gateway = gateway;
        this.messages = messages;
        this.gson = gson;
        this.polls = polls;
        this.lang = lang;
        this.timers = timers;
        this.calls = calls;
    }

    /**
     * Later attempts at posting a poll when Slack surely did nothing (rate-limited, not reached): one attempt each,
     * together outlasting an outage of a minute.
     */
    static final List<Duration> POLL_POST_RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(30));

    /** Sends a reply that could not go in the acknowledgement. */
    void deliver(Reply reply, ChatRequest chat, String responseUrl) {
        if (reply.attachment().isPresent()) {
            if (responseUrl != null) {
                web.respond(responseUrl, gson.toJson(messages.message(announcing(reply, chat), chat, false)));
            }
            sendFile(reply, chat, responseUrl);
            return;
        }
        if (SlackPayloads.postsAsBot(reply)) {
            postPoll(reply, chat, responseUrl, 0);
            return;
        }
        if (responseUrl != null) {
            web.respond(responseUrl, gson.toJson(messages.message(reply, chat, false)));
        }
    }

    /**
     * A private answer with no response_url to send it by (a modal's submission): {@code chat.postEphemeral} to the
     * user in the channel. Not retried after an uncertain failure: at worst the user misses a confirmation, never
     * sees two.
     */
    void ephemeral(Reply reply, ChatRequest chat) {
        JsonObject message = messages.message(reply, chat, false);
        SlackWeb in = web.in(chat.workspace());
        in.call("chat.postEphemeral", false, m -> m.chatPostEphemeral(r -> r.channel(chat.channel())
                .user(chat.user()).text(message.get("text").getAsString())
                .blocksAsString(message.get("blocks").toString())));
    }

    /**
     * What the asker sees at once of a reply with a file: its text, and where the file follows. Slack shows no file
     * in an acknowledgement or a {@code response_url} message, so the file itself goes by {@link #sendFile}.
     */
    Reply announcing(Reply reply, ChatRequest chat) {
        Attachment file = reply.attachment().orElseThrow(() -> new IllegalArgumentException("no attachment"));
        Messages m = Messages.of(Lang.fromLocale(chat.locale(), lang));
        List<Block> blocks = new ArrayList<>(reply.blocks());
        blocks.add(new Block.Text(m.get(file.forChannel() ? "slack.fileToChannel" : "slack.fileToYou",
                file.fileName())));
        return new Reply(reply.title(), blocks, reply.fields(), reply.buttons(), Optional.empty(), reply.footer(),
                Visibility.EPHEMERAL, reply.error());
    }

    /**
     * Uploads a reply's file: into the channel when the whole channel may see it, else to the asker alone, in the
     * bot's direct messages (a Slack file cannot be shown to one person inside a channel). One attempt; when it
     * fails the asker is told, privately, to ask again.
     */
    void sendFile(Reply reply, ChatRequest chat, String responseUrl) {
        Attachment file = reply.attachment().orElseThrow(() -> new IllegalArgumentException("no attachment"));
        try {
            if (file.forChannel()) {
                gateway.sendFileIn(chat.workspace(), chat.channel(), reply);
            } else {
                gateway.sendFileTo(chat.workspace(), chat.user(), reply);
            }
        } catch (DeliveryException e) {
            LOG.warn("file {} not uploaded: {}", file.fileName(), e.getMessage());
            Messages m = Messages.of(Lang.fromLocale(chat.locale(), lang));
            Reply failed = Reply.builder().error().text(m.get("slack.fileFailed", file.fileName())).build();
            if (responseUrl == null || !web.respond(responseUrl, gson.toJson(messages.message(failed, chat, false)))) {
                LOG.warn("the asker of {} could not be told it was not uploaded", file.fileName());
            }
        }
    }

    /**
     * Posts a poll as the bot. The poll is already stored, so it must not silently stay unposted: when Slack may have
     * posted it (a 5xx, a lost answer) the opener is told the poll's number and what to do; when Slack surely did
     * nothing it is tried again later, and at last (or at once when Slack refused, e.g. the bot is not in the
     * channel) posted through {@code response_url}.
     */
    private void postPoll(Reply reply, ChatRequest chat, String responseUrl, int retry) {
        ChannelRef where = new ChannelRef("slack", chat.workspace(), chat.channel());
        String posted;
        try {
            posted = gateway.post(where, Optional.empty(), reply, dedupeKey(chat, retry));
        } catch (DeliveryException e) {
            failedPoll(reply, chat, responseUrl, retry, e);
            return;
        }
        recordPosted(reply, where, posted);
    }

    /** A dedupe key for the post: Slack drops none, so it only names the post in logs. */
    private static String dedupeKey(ChatRequest chat, int retry) {
        String key = (chat.delivery() + retry).replaceAll("[^A-Za-z0-9]", "");
        return key.isEmpty() ? "poll" + retry : key.substring(Math.max(0, key.length() - 25));
    }

    private void failedPoll(Reply reply, ChatRequest chat, String responseUrl, int retry, DeliveryException e) {
        if (e.uncertain()) {
            // Slack may have posted before failing: say so rather than risk posting the poll twice
            Messages m = Messages.of(lang);
            String note = reply.pollShown().map(id -> m.get("slack.pollUncertain", id))
                    .orElseGet(() -> m.get("slack.postUncertain"));
            Reply uncertain = Reply.builder().error().text(note).build();
            if (responseUrl == null || !web.respond(responseUrl, gson.toJson(messages.message(uncertain, chat, false)))) {
                LOG.warn("a poll may not have been posted, and its opener could not be told");
            }
            return;
        }
        if (e.retryable() && retry < POLL_POST_RETRIES.size()) {
            Duration wait = e.retryAfter().filter(d -> d.compareTo(POLL_POST_RETRIES.get(retry)) > 0)
                    .orElse(POLL_POST_RETRIES.get(retry));
            LOG.info("poll not posted ({}); trying again in {} s", e.getMessage(), wait.toSeconds());
            timers.schedule(() -> calls.execute(() -> postPoll(reply, chat, responseUrl, retry + 1)),
                    wait.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        LOG.info("chat.postMessage failed ({}); posting through response_url instead", e.getMessage());
        if (responseUrl == null || !web.respond(responseUrl, gson.toJson(messages.message(reply, chat, false)))) {
            LOG.warn("a poll was stored but could not be posted");
        }
    }

    /**
     * Records the posted poll message with its ts: from then on the core keeps it current (chat.update) and, at the
     * poll's close, re-renders it closed and posts the results once.
     */
    private void recordPosted(Reply reply, ChannelRef where, String ts) {
        reply.pollShown().ifPresent(pollId -> {
            try {
                polls.posted(pollId, where, ts, lang);
            } catch (RuntimeException e) {
                LOG.warn("poll #{} was posted but not recorded; only presses will update it: {}", pollId,
                        e.getMessage());
            }
        });
    }
}
