package io.taolun.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import io.taolun.core.Answerer;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.Completions;
import io.taolun.core.DeliveryLog;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a poll through a Slack modal: {@code /article poll} with nothing after it, or the message shortcut
 * "讨论这条消息" with the message's text as the question. The modal is opened with the request's trigger (valid for 3
 * seconds), its submission runs as the {@code poll} command it stands for, and the poll is posted in the channel as
 * the bot; a refusal is shown in the modal, under the question.
 */
final class SlackPollForms {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPollForms.class);

    private final SlackWeb web;
    private final Answerer router;
    private final Completions completions;
    private final DeliveryLog deliveries;
    private final SlackFollowUps followUps;
    private final SlackPayloads messages;
    private final Gson gson;
    private final Lang lang;
    private final ExecutorService work;
    private final ExecutorService calls;
    private final long budgetMillis;
    private final SlackTokens tokens;

    SlackPollForms(SlackWeb web, SlackTokens tokens, Answerer router, Completions completions,
            DeliveryLog deliveries, SlackFollowUps followUps, SlackPayloads messages, Gson gson, Lang lang,
            ExecutorService work, ExecutorService calls, long budgetMillis) {
        this.tokens = tokens;
        this.web = web;
        this.router = router;
        this.completions = completions;
        this.deliveries = deliveries;
        this.followUps = followUps;
        this.messages = messages;
        this.gson = gson;
        this.lang = lang;
        this.work = work;
        this.calls = calls;
        this.budgetMillis = budgetMillis;
    }

    /**
     * Whether a slash command asks for the form: {@code poll} and nothing else, or only a language for the form
     * ({@code poll --lang en}); the form's language, or empty when it does not ask for the form.
     */
    static Optional<Lang> asksForForm(String text, Lang fallback) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 1 && words[0].equals("poll")) {
            return Optional.of(fallback);
        }
        if (words.length == 3 && words[0].equals("poll") && words[1].equals("--lang")) {
            return Lang.parse(words[2]);
        }
        return Optional.empty();
    }

    /** {@code /article poll}: acknowledged at once; the modal opens, or the opener is told what to type instead. */
    Response onCommand(SlashCommandPayload p, ChatRequest chat, Lang formLang) {
        calls.execute(() -> open(p.getTriggerId(), chat.where(), "", p.getResponseUrl(), chat, formLang));
        return Response.ok();
    }

    /** The message shortcut: the modal, with the message's text as the question. */
    Response onShortcut(MessageShortcutPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
        if (p.getChannel() == null || p.getUser() == null || team == null || p.getTriggerId() == null) {
            LOG.info("slack message shortcut without a channel, user, team or trigger ignored");
            return Response.ok();
        }
        String text = p.getMessage() == null || p.getMessage().getText() == null ? "" : p.getMessage().getText();
        ChatRequest chat = new ChatRequest("slack", team, p.getChannel().getId(), p.getUser().getId(), "", "poll");
        calls.execute(() -> open(p.getTriggerId(), chat.where(), plainText(text), p.getResponseUrl(), chat, lang));
        return Response.ok();
    }

    private void open(String trigger, ChannelRef where, String question, String responseUrl, ChatRequest chat,
            Lang formLang) {
        Messages m = Messages.of(formLang);
        String view = SlackPollForm.view(where.channel(), completions.claims(where, formLang), m, question);
        if (trigger != null && web.in(where.workspace()).call("views.open", false, r -> r.viewsOpen(v -> v.triggerId(trigger)
                .viewAsString(view))).ok()) {
            return;
        }
        // the trigger expired (Slack allows 3 s) or Slack refused: say what to type instead
        Reply fallback = Reply.builder().error().text(m.get("slack.pollForm.failed")).build();
        if (responseUrl == null || !web.respond(responseUrl, gson.toJson(messages.message(fallback, chat, false)))) {
            LOG.warn("the poll form could not be opened, and its opener could not be told");
        }
    }

    /**
     * The form's submission: run as the {@code poll} command within the ack budget when the core is done by then. A
     * refusal stays in the modal; success closes it and posts the poll. The same submission delivered again opens
     * one poll.
     */
    Response onSubmit(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        Optional<SlackPollForm.Opening> opening = SlackPollForm.read(p.getView().getPrivateMetadata(),
                p.getView().getState());
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
        if (opening.isEmpty() || p.getUser() == null || team == null || p.getUser().getId() == null) {
            LOG.info("slack view submission that is not a poll form of ours ignored");
            return ctx.ack();
        }
        // the installer of the workspace is its admin, as for a typed command (polls.openers: admins)
        ChatRequest chat = new ChatRequest("slack", team, opening.get().channel(), p.getUser().getId(), "",
                opening.get().command(), tokens.installedBy(team, p.getUser().getId()))
                .delivered(delivery(p.getView().getId(), opening.get().command()));
        CompletableFuture<Optional<Reply>> answer = CompletableFuture.supplyAsync(() -> deliveries.first("slack",
                chat.delivery()) ? Optional.of(router.handle(chat)) : Optional.<Reply>empty(), work);
        Optional<Optional<Reply>> ready = SlackAdapter.get(answer, budgetMillis);
        if (ready.isPresent() && ready.get().isPresent() && ready.get().get().error()) {
            return ctx.ackWithErrors(SlackPollForm.errors(SlackPayloads.texts(ready.get().get())));
        }
        answer.thenAcceptAsync(reply -> reply.ifPresent(r -> {
            if (r.error()) {
                followUps.ephemeral(r, chat);
            } else {
                followUps.deliver(r, chat, null);
            }
        }), calls);
        return ctx.ack();
    }

    /** The submission's delivery id: its view and what it asks, so a repeat of it opens nothing twice. */
    private static String delivery(String viewId, String command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8));
            return "view:" + (viewId == null ? "-" : viewId) + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message's text as a question: Slack's markup of mentions and links reduced to their visible text. */
    static String plainText(String mrkdwn) {
        String text = java.util.regex.Pattern.compile("<([^<>]*)>").matcher(mrkdwn).replaceAll(found -> {
            String inner = found.group(1);
            int bar = inner.indexOf('|');
            // a user's or channel's name keeps its @ or #; a special mention (<!here>) only its word, pinging no one
            String label = bar >= 0 ? inner.substring(bar + 1) : inner;
            String shown = inner.startsWith("!") ? label.replaceFirst("^[!@]", "")
                    : inner.startsWith("@") && bar >= 0 ? "@" + label
                    : inner.startsWith("#") ? "#" + label.replaceFirst("^#", "")
                    : label;
            return java.util.regex.Matcher.quoteReplacement(shown);
        });
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
