package io.taolun.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake Discord's guild channels and the messages posted to them: a text channel per guild, the threads started
 * from their messages (a thread's id is its starter message's id, as on Discord), and Discord's enforced nonce (a
 * repeated nonce in a channel returns the earlier message instead of posting again). Tests read it through
 * {@link FakeDiscord}.
 */
public final class FakeChannels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PUBLIC_THREAD = 11;

    private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    private final Map<String, List<Stored>> messages = new HashMap<>();
    private final Map<String, Stored> byNonce = new HashMap<>();

    /** A message as posted, with its nonce and uploaded files, as it looks now (after any edits). */
    public record Posted(String id, String channelId, Optional<String> nonce, JsonNode json, List<Upload> files) {
    }

    /** An uploaded file: its name, declared type and exact bytes. */
    public record Upload(String fileName, String contentType, byte[] bytes) {
        public Upload {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private static final class Stored {
        final ObjectNode json;
        final String nonce;
        final List<Upload> files;
        ObjectNode thread;

        Stored(ObjectNode json, String nonce, List<Upload> files) {
            this.json = json;
            this.nonce = nonce;
            this.files = List.copyOf(files);
        }

        Posted snapshot() {
            return new Posted(json.path("id").asText(), json.path("channel_id").asText(), Optional.ofNullable(nonce),
                    json.deepCopy(), files);
        }
    }

    /** Interactions' public answers by message id: see {@link #interactionAnswer}. */
    private final Map<String, Stored> answers = new HashMap<>();

    FakeChannels(String guildId, String textChannelId) {
        addTextChannel(guildId, textChannelId);
    }

    /** A text channel named general in the guild. */
    synchronized void addTextChannel(String guildId, String textChannelId) {
        ObjectNode text = JSON.createObjectNode();
        text.put("id", textChannelId).put("type", 0).put("guild_id", guildId).put("name", "general")
                .put("position", 0).put("nsfw", false).putNull("parent_id").putNull("topic")
                .putNull("last_message_id").put("rate_limit_per_user", 0).put("flags", 0)
                .put("default_thread_rate_limit_per_user", 0).put("default_auto_archive_duration", 1440);
        text.putArray("permission_overwrites");
        channels.put(textChannelId, text);
    }

    // ---- what tests read ----

    /** The messages posted to a channel or thread, oldest first. */
    public synchronized List<Posted> messages(String channelId) {
        return messages.getOrDefault(channelId, List.of()).stream().map(Stored::snapshot).toList();
    }

    /** The thread with this id (its starter message's id), if one was started. */
    public synchronized Optional<JsonNode> thread(String id) {
        ObjectNode channel = channels.get(id);
        return channel != null && channel.path("type").asInt() == PUBLIC_THREAD
                ? Optional.of(channel.deepCopy()) : Optional.empty();
    }

    // ---- what the Gateway announces ----

    synchronized ArrayNode guildChannels(String guildId) {
        ArrayNode out = JSON.createArrayNode();
        channels.values().stream().filter(c -> c.path("guild_id").asText().equals(guildId))
                .filter(c -> c.path("type").asInt() != PUBLIC_THREAD)
                .forEach(c -> out.add(c.deepCopy()));
        return out;
    }

    synchronized ArrayNode activeThreads(String guildId) {
        ArrayNode out = JSON.createArrayNode();
        channels.values().stream().filter(c -> c.path("guild_id").asText().equals(guildId))
                .filter(c -> c.path("type").asInt() == PUBLIC_THREAD)
                .forEach(c -> out.add(c.deepCopy()));
        return out;
    }

    // ---- REST ----

    /** {@code POST channels/{id}/messages}, JSON or multipart (payload_json and files[n]). */
    synchronized FakeDiscord.Answer post(String channelId, JsonNode payload, List<Multipart.Part> parts) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        String nonce = payload.hasNonNull("nonce") ? payload.get("nonce").asText() : null;
        if (nonce != null && payload.path("enforce_nonce").asBoolean(false)) {
            Stored earlier = byNonce.get(channelId + "/" + nonce);
            if (earlier != null) {
                return FakeDiscord.Answer.json(earlier.json.deepCopy());
            }
        }
        List<Upload> files = new ArrayList<>();
        ObjectNode message = FakeDiscord.message(FakeDiscord.snowflake(), channelId, payload);
        ArrayNode attachments = message.putArray("attachments");
        for (Multipart.Part part : parts) {
            if (part.name().startsWith("files[") && part.fileName().isPresent()) {
                Upload upload = new Upload(part.fileName().get(), part.contentType(), part.bytes());
                files.add(upload);
                String url = "https://cdn.example/attachments/" + channelId + "/" + upload.fileName();
                attachments.addObject().put("id", FakeDiscord.snowflake()).put("filename", upload.fileName())
                        .put("size", upload.bytes().length).put("content_type", upload.contentType())
                        .put("url", url).put("proxy_url", url);
            }
        }
        if (nonce != null) {
            message.put("nonce", nonce);
        }
        Stored stored = new Stored(message, nonce, files);
        messages.computeIfAbsent(channelId, c -> new ArrayList<>()).add(stored);
        if (nonce != null) {
            byNonce.put(channelId + "/" + nonce, stored);
        }
        ObjectNode parent = channels.get(channelId);
        parent.put("last_message_id", message.path("id").asText());
        return FakeDiscord.Answer.json(message.deepCopy());
    }

    /** A person (not the bot) writes in a channel or thread, as a member's message. */
    synchronized void userPosts(String channelId, String userId, String text) {
        ObjectNode message = FakeDiscord.message(FakeDiscord.snowflake(), channelId,
                JSON.createObjectNode().put("content", text));
        message.putObject("author").put("id", userId).put("username", "member" + userId).put("discriminator", "0")
                .putNull("avatar").put("bot", false);
        messages.computeIfAbsent(channelId, c -> new ArrayList<>()).add(new Stored(message, null, List.of()));
    }

    /** {@code GET channels/{id}/messages}: the latest messages, newest first (the fake ignores paging). */
    synchronized FakeDiscord.Answer history(String channelId, int limit) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        List<Stored> stored = messages.getOrDefault(channelId, List.of());
        ArrayNode out = JSON.createArrayNode();
        for (int i = stored.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(stored.get(i).json.deepCopy());
        }
        return FakeDiscord.Answer.json(out);
    }

    /** {@code PATCH channels/{id}/messages/{mid}}; empty when the fake never stored that message. */
    synchronized Optional<FakeDiscord.Answer> edit(String channelId, String messageId, JsonNode payload) {
        Stored stored = find(channelId, messageId);
        if (stored == null) {
            return Optional.empty();
        }
        ObjectNode edited = FakeDiscord.message(messageId, channelId, payload);
        for (String field : new String[] {"content", "embeds", "components", "flags"}) {
            if (payload.has(field)) {
                stored.json.set(field, edited.get(field));
            }
        }
        stored.json.put("edited_timestamp", Instant.now().atOffset(ZoneOffset.UTC).toString());
        return Optional.of(FakeDiscord.Answer.json(withThread(stored)));
    }

    /** {@code GET channels/{id}/messages/{mid}}: the message, with the thread started from it, if any. */
    synchronized FakeDiscord.Answer message(String channelId, String messageId) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        Stored stored = find(channelId, messageId);
        return stored == null ? FakeDiscord.Answer.error(404, 10008, "Unknown Message")
                : FakeDiscord.Answer.json(withThread(stored));
    }

    /** {@code POST channels/{id}/messages/{mid}/threads}: a public thread whose id is the message's. */
    synchronized FakeDiscord.Answer startThread(String channelId, String messageId, JsonNode payload) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        Stored starter = find(channelId, messageId);
        if (starter == null) {
            return FakeDiscord.Answer.error(404, 10008, "Unknown Message");
        }
        if (starter.thread != null) {
            return FakeDiscord.Answer.error(400, 160004, "A thread has already been created for this message");
        }
        String now = Instant.now().atOffset(ZoneOffset.UTC).toString();
        ObjectNode thread = JSON.createObjectNode();
        String guildId = channels.get(channelId).path("guild_id").asText();
        thread.put("id", messageId).put("type", PUBLIC_THREAD).put("guild_id", guildId).put("parent_id", channelId)
                .put("owner_id", FakeDiscord.BOT_ID).put("name", payload.path("name").asText())
                .putNull("last_message_id").put("message_count", 0).put("member_count", 1)
                .put("total_message_sent", 0).put("rate_limit_per_user", 0).put("flags", 0);
        thread.putObject("thread_metadata").put("archived", false)
                .put("auto_archive_duration", payload.path("auto_archive_duration").asInt(1440))
                .put("archive_timestamp", now).put("locked", false).put("create_timestamp", now);
        starter.thread = thread;
        channels.put(messageId, thread);
        return new FakeDiscord.Answer(201, thread.toString(), Map.of());
    }

    /** {@code GET channels/{id}}. */
    synchronized FakeDiscord.Answer channel(String channelId) {
        ObjectNode channel = channels.get(channelId);
        return channel == null ? unknownChannel() : FakeDiscord.Answer.json(channel.deepCopy());
    }

    private Stored find(String channelId, String messageId) {
        Stored answer = answers.get(messageId);
        if (answer != null && answer.json.path("channel_id").asText().equals(channelId)) {
            return answer;
        }
        return messages.getOrDefault(channelId, List.of()).stream()
                .filter(m -> m.json.path("id").asText().equals(messageId)).findFirst().orElse(null);
    }

    /**
     * An interaction's public answer, a message of its channel as on Discord (a thread can be started under it, it
     * can be read), kept apart from {@link #messages} so that those list only what the bot posted itself.
     */
    synchronized void interactionAnswer(ObjectNode message) {
        answers.putIfAbsent(message.path("id").asText(), new Stored(message.deepCopy(), null, List.of()));
    }

    private static ObjectNode withThread(Stored stored) {
        ObjectNode json = stored.json.deepCopy();
        if (stored.thread != null) {
            json.set("thread", stored.thread.deepCopy());
        }
        return json;
    }

    private static FakeDiscord.Answer unknownChannel() {
        return FakeDiscord.Answer.error(404, 10003, "Unknown Channel");
    }
}
