package io.taolun.console;

import io.taolun.core.Attachment;
import io.taolun.core.Block;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scheduled posts in the console: printed as they are made, under a line naming the channel, with attached charts
 * saved to a file whose path is printed. Edits of posted polls are not reprinted (the console shows tallies in the
 * answers to {@code vote} and {@code results}).
 */
public final class ConsoleGateway implements ChatGateway {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How many posts' names are kept to head their threads: far more than a console session posts. */
    private static final int NAMES_KEPT = 1000;
    /** How much of a quoted claim a thread header shows. */
    private static final int QUOTE_SHOWN = 20;
    private final PlainTextRenderer renderer = new PlainTextRenderer(ConsoleSession.COLUMNS);
    private final Messages messages;
    private final Path attachmentsDir;
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final ZoneId zone;
    private volatile Consumer<String> sink;
    /** What each post was (its title and quoted claim), by id: a thread header names the post it hangs under. */
    private final Map<String, String> names = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > NAMES_KEPT;
        }
    };

    /**
     * @param clock what time posts are stamped with, in {@code zone}
     * @param sink  where posts are printed; the interactive console prints them above its prompt
     */
    public ConsoleGateway(Lang lang, Clock clock, ZoneId zone, Path attachmentsDir, Consumer<String> sink) {
        this.messages = Messages.of(lang);
        this.clock = clock;
        this.zone = zone;
        this.attachmentsDir = attachmentsDir;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Prints posts somewhere else from now on. */
    public void printTo(Consumer<String> value) {
        this.sink = Objects.requireNonNull(value, "sink");
    }

    @Override
    public String platform() {
        return "console";
    }

    @Override
    public boolean canPost(ChannelRef where) {
        return where.platform().equals("console");
    }

    @Override
    public String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey)
            throws DeliveryException {
        String id = "m" + ids.incrementAndGet();
        StringBuilder text = new StringBuilder();
        String now = STAMP.format(clock.instant().atZone(zone)) + " " + zone.getId();
        text.append(threadOf.map(t -> header(where, t, now))
                .orElseGet(() -> messages.get("console.scheduledPost", where.channel(), now)))
                .append('\n').append(renderer.render(reply, messages));
        if (reply.attachment().isPresent()) {
            text.append('\n').append(save(reply.attachment().get()));
        }
        sink.accept(text.append('\n').toString());
        synchronized (names) {
            names.put(id, name(reply));
        }
        return id;
    }

    /**
     * Gives an id to a message the console's session printed itself (a poll opened at the prompt), so that posts
     * under it later (its reminder) name it in their header, as they do a scheduled post's.
     */
    public String shown(Reply reply) {
        String id = "m" + ids.incrementAndGet();
        synchronized (names) {
            names.put(id, name(reply));
        }
        return id;
    }

    /**
     * A thread's header names the post it hangs under ("投票 #1「…」"), as a chat shows a thread below its message;
     * the console's own message ids (m1) mean nothing to a reader.
     */
    private String header(ChannelRef where, String threadOf, String now) {
        String name;
        synchronized (names) {
            name = names.getOrDefault(threadOf, "");
        }
        return name.isEmpty() ? messages.get("console.threadPostEarlier", where.channel(), now)
                : messages.get("console.threadPost", where.channel(), name, now);
    }

    /** The post's title and the start of the claim it quotes, on one line; empty when it has neither. */
    private String name(Reply reply) {
        String title = oneLine(reply.title());
        String quoted = reply.blocks().stream().filter(Block.Quote.class::isInstance).map(Block.Quote.class::cast)
                .findFirst()
                .map(q -> oneLine(messages.lang() == Lang.EN && !q.gloss().isBlank() ? q.gloss() : q.text()))
                .map(q -> SafeText.cut(q, QUOTE_SHOWN))
                .orElse("");
        return title.isEmpty() || quoted.isEmpty() ? title + quoted
                : messages.get("console.threadName", title, quoted);
    }

    private static String oneLine(String text) {
        return SafeText.stripControls(text).replaceAll("\\s+", " ").strip();
    }

    /** Nobody can reply in a console thread: every follow-up prompt is printed in its turn. */
    @Override
    public boolean hasReplies(ChannelRef where, String threadOf) {
        return false;
    }

    @Override
    public void edit(ChannelRef where, String messageId, Reply reply) {
        // the console does not reprint updated polls
    }

    private String save(Attachment attachment) throws DeliveryException {
        try {
            Files.createDirectories(attachmentsDir);
            Path file = attachmentsDir.resolve(attachment.fileName());
            Files.write(file, attachment.bytes());
            return messages.get("console.saved", file.toAbsolutePath());
        } catch (IOException e) {
            throw DeliveryException.retryable("cannot save " + attachment.fileName() + ": " + e.getMessage(),
                    Optional.empty(), e);
        }
    }
}
