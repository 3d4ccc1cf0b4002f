package io.taolun.discord;

import io.taolun.core.Block;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Posts and edits Taolun's messages on Discord outside of any interaction, through the JDA session of this process
 * that holds the channel's guild (its shard), rendered as in-channel replies ({@link Embeds}: embed, button rows, no
 * mentions, the attachment as a file).
 *
 * <p>Every call blocks (run it on a worker, never on a JDA thread) and makes one attempt ({@link RestCalls}). A post
 * carries its dedupe key as an enforced nonce, so Discord drops a repeat in the same channel within a few minutes:
 * that is why a server error or timeout is retryable even when Discord may have posted. A retry should come within
 * those minutes.
 *
 * <p>A thread started from a message has the message's id. To edit a message posted in a thread, pass the thread
 * (the id given as {@code threadOf}) as the channel.
 */
final class DiscordGateway implements ChatGateway {
    static final String PLATFORM = "discord";
    /** Discord's longest thread name. */
    static final int THREAD_NAME_MAX = 100;
    /** Messages of a thread read when looking for a reply: Discord's most per request; the bot posts few. */
    private static final int REPLIES_READ = 100;

    private static final String NONCE = "[A-Za-z0-9]{1,25}";

    private final Function<String, Optional<JDA>> sessionOf;

    /** @param session the process's only JDA (unsharded), or null before it logged in */
    DiscordGateway(Supplier<JDA> session) {
        this(guild -> Optional.ofNullable(session.get()));
    }

    /**
     * @param sessionOf the session of this process that holds a guild, by guild id: empty before login and for a
     *                  guild on a shard this process does not hold
     */
    DiscordGateway(Function<String, Optional<JDA>> sessionOf) {
        this.sessionOf = Objects.requireNonNull(sessionOf, "sessionOf");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * Whether a session of this process holds the channel's guild: Discord sends each guild to one shard only, so
     * with several replicas on different shards exactly one answers true.
     */
    @Override
    public boolean canPost(ChannelRef where) {
        if (!PLATFORM.equals(where.platform()) || !isSnowflake(where.workspace()) || !isSnowflake(where.channel())) {
            return false;
        }
        Optional<JDA> held = sessionOf.apply(where.workspace());
        if (held.isEmpty()) {
            return false;
        }
        JDA jda = held.get();
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, where.channel());
        if (channel != null) {
            return channel.getGuild().getId().equals(where.workspace());
        }
        // not cached (yet): the guild is still ours if it is in this session, even while Discord has it unavailable
        return jda.getGuildById(where.workspace()) != null
                || jda.isUnavailable(Long.parseUnsignedLong(where.workspace()));
    }

    @Override
    public String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey)
            throws DeliveryException {
        if (!dedupeKey.matches(NONCE)) {
            throw new IllegalArgumentException("a dedupe key is 1 to 25 characters of [A-Za-z0-9]");
        }
        GuildMessageChannel channel = channel(where);
        GuildMessageChannel target = threadOf.isPresent() ? thread(channel, threadOf.get(), reply) : channel;
        Message posted = RestCalls.once("post to " + target.getId(),
                () -> target.sendMessage(Embeds.create(reply)).setNonce(dedupeKey));
        return posted.getId();
    }

    /** Discord drops a repeated nonce (the dedupe key) for a few minutes: a post may be repeated within them. */
    @Override
    public boolean dropsRepeats() {
        return true;
    }

    @Override
    public void edit(ChannelRef where, String messageId, Reply reply) throws DeliveryException {
        GuildMessageChannel channel = channel(where);
        RestCalls.once("edit " + messageId + " in " + channel.getId(),
                () -> channel.editMessageById(messageId, Embeds.edit(reply)));
    }

    /**
     * Reads the latest messages of the thread under the message (a thread started from a message has its id) and
     * looks for one a person wrote. A message without a thread has no replies.
     */
    @Override
    public boolean hasReplies(ChannelRef where, String threadOf) throws DeliveryException {
        GuildMessageChannel channel = channel(where);
        if (!isSnowflake(threadOf)) {
            throw DeliveryException.permanent("not a Discord message id: " + threadOf, null);
        }
        ThreadChannel thread = channel.getJDA().getThreadChannelById(threadOf);
        if (thread == null) {
            Message starter = RestCalls.once("read " + threadOf, () -> channel.retrieveMessageById(threadOf));
            thread = starter.getStartedThread();
            if (thread == null) {
                return false;
            }
        }
        ThreadChannel read = thread;
        List<Message> latest = RestCalls.once("read the thread " + threadOf,
                () -> read.getHistory().retrievePast(REPLIES_READ));
        return latest.stream().anyMatch(m -> !m.getAuthor().isBot() && !m.getAuthor().isSystem()
                && (m.getType() == MessageType.DEFAULT || m.getType() == MessageType.INLINE_REPLY));
    }

    /** The thread under the message: cached, else started now, else (started meanwhile elsewhere) fetched. */
    private GuildMessageChannel thread(GuildMessageChannel channel, String messageId, Reply reply)
            throws DeliveryException {
        if (!isSnowflake(messageId)) {
            throw DeliveryException.permanent("not a Discord message id: " + messageId, null);
        }
        ThreadChannel cached = channel.getJDA().getThreadChannelById(messageId);
        if (cached != null) {
            return cached;
        }
        if (!(channel instanceof IThreadContainer container)) {
            throw DeliveryException.permanent("channel " + channel.getId() + " (" + channel.getType()
                    + ") cannot hold threads", null);
        }
        try {
            // a week: a thread stays in the channel's list for the week its poll is open and its prompts follow
            return RestCalls.once("start a thread under " + messageId,
                    () -> container.createThreadChannel(threadName(reply), messageId)
                            .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK));
        } catch (DeliveryException e) {
            if (!RestCalls.isError(e, ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS)) {
                throw e;
            }
        }
        Message starter = RestCalls.once("read " + messageId, () -> channel.retrieveMessageById(messageId));
        ThreadChannel started = starter.getStartedThread();
        if (started == null) {
            // Discord says the thread exists but does not show it yet: the next attempt will find it
            throw DeliveryException.retryable("the thread under " + messageId + " is not visible yet",
                    Optional.empty(), null);
        }
        return started;
    }

    private GuildMessageChannel channel(ChannelRef where) throws DeliveryException {
        if (!PLATFORM.equals(where.platform())) {
            throw new IllegalArgumentException("not a Discord channel: " + where);
        }
        if (!isSnowflake(where.workspace())) {
            throw DeliveryException.permanent("not a Discord guild id: " + where.workspace(), null);
        }
        // nothing is sent: another replica, or this one once logged in, can post it
        JDA jda = sessionOf.apply(where.workspace()).orElseThrow(() -> DeliveryException.retryable(
                "no Discord session of this process holds guild " + where.workspace()
                        + " (not logged in yet, or its shard is another replica's)", Optional.empty(), null));
        GuildMessageChannel channel = isSnowflake(where.channel())
                ? jda.getChannelById(GuildMessageChannel.class, where.channel()) : null;
        if (channel == null && jda.isUnavailable(Long.parseUnsignedLong(where.workspace()))) {
            // the guild is in an outage: its channels come back with it
            throw DeliveryException.retryable("guild " + where.workspace() + " is unavailable", Optional.empty(), null);
        }
        if (channel == null) {
            throw DeliveryException.permanent("unknown Discord channel " + where.channel() + " in this session", null);
        }
        Guild guild = channel.getGuild();
        if (!guild.getId().equals(where.workspace())) {
            throw DeliveryException.permanent("channel " + where.channel() + " is not in guild " + where.workspace(),
                    null);
        }
        return channel;
    }

    private static boolean isSnowflake(String id) {
        if (!id.matches("\\d{1,20}")) {
            return false;
        }
        try {
            Long.parseUnsignedLong(id);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** A thread's name: the reply's title, else its first line of text; one line, at most 100 characters. */
    static String threadName(Reply reply) {
        String name = reply.title();
        for (Block block : reply.blocks()) {
            if (!name.isBlank()) {
                break;
            }
            name = block instanceof Block.Text t ? t.text() : block instanceof Block.Quote q ? q.text() : "";
        }
        name = name.strip();
        int newline = name.indexOf('\n');
        name = SafeText.stripControls(newline < 0 ? name : name.substring(0, newline)).replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? "Taolun" : SafeText.cut(name, THREAD_NAME_MAX);
    }
}
