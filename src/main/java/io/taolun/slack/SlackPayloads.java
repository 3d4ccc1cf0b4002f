package io.taolun.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.model.block.LayoutBlock;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.Visibility;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Message bodies for acknowledgements and {@code response_url}, the Share button, and request signatures. */
final class SlackPayloads {
    private static final Set<String> SHAREABLE = Set.of("about", "section", "summary", "quote", "claims", "search",
            "results", "history", "report");

    private final Lang lang;
    private final Gson gson;

    SlackPayloads(Lang lang, Gson gson) {
        this.lang = lang;
        this.gson = gson;
    }

    /** A {@code response_url} / acknowledgement body for a reply. */
    JsonObject message(Reply reply, ChatRequest chat, boolean keepOriginal) {
        String share = shareCommand(reply, chat);
        Messages m = Messages.of(Lang.fromLocale(chat.locale(), lang));
        List<LayoutBlock> blocks = BlockKit.render(reply, share, m.get("slack.share"));
        JsonObject json = new JsonObject();
        json.addProperty("response_type", reply.visibility() == Visibility.IN_CHANNEL ? "in_channel" : "ephemeral");
        json.addProperty("text", BlockKit.fallback(reply));
        json.add("blocks", gson.toJsonTree(blocks));
        if (keepOriginal) {
            json.addProperty("replace_original", false);
        }
        return json;
    }

    private static String shareCommand(Reply reply, ChatRequest chat) {
        if (reply.error() || reply.visibility() != Visibility.EPHEMERAL) {
            return null;
        }
        String[] words = chat.text().strip().split("\\s+");
        String first = SafeText.halfWidth(words[0]).toLowerCase(Locale.ROOT);
        return SHAREABLE.contains(first) ? chat.text().strip() : null;
    }

    /** Polls go out as bot messages, so that their tally can be updated in place. */
    /** The paragraphs of a reply's body as one line (a refusal shown under a modal's field). */
    static String texts(Reply reply) {
        return String.join(" ", reply.blocks().stream().filter(io.taolun.core.Block.Text.class::isInstance)
                .map(b -> ((io.taolun.core.Block.Text) b).text()).toList());
    }

    static boolean postsAsBot(Reply reply) {
        return reply.visibility() == Visibility.IN_CHANNEL && !reply.buttons().isEmpty();
    }

    /** How far a request's {@code X-Slack-Request-Timestamp} may be from now, either way (Slack's rule). */
    static final long SIGNATURE_WINDOW_SECONDS = 5 * 60;

    /**
     * True when the request carries a valid Slack signature made within five minutes of {@code clock}, either way.
     * The SDK's verifier only refuses old timestamps; one from the future would let a captured request be replayed
     * for as long as its timestamp lies ahead, so it is refused here, before the signature or the body is looked at.
     */
    static boolean signed(Optional<String> secret, HttpExchange.In in, Clock clock) {
        if (secret.isEmpty()) {
            return false;
        }
        String timestamp = first(in, "X-Slack-Request-Timestamp");
        String signature = first(in, "X-Slack-Signature");
        if (timestamp == null || signature == null || !fresh(timestamp, clock)) {
            return false;
        }
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(
                new SlackSignature.Generator(secret.get()));
        try {
            return verifier.isValid(timestamp, in.body(), signature, clock.millis());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True for a timestamp in whole seconds (as Slack sends it) within the window around the clock's now. */
    static boolean fresh(String timestamp, Clock clock) {
        if (!timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return Math.abs(clock.instant().getEpochSecond() - seconds) <= SIGNATURE_WINDOW_SECONDS;
    }

    private static String first(HttpExchange.In in, String header) {
        for (var entry : in.headers().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(header) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

}
