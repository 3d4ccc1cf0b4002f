package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A platform that records what is posted and edited, and fails the next calls when told to. */
public final class RecordingGateway implements ChatGateway {
    /** One post as the platform saw it. */
    public record Post(ChannelRef where, Optional<String> threadOf, Reply reply, String key, String messageId) {
    }

    /** One edit. */
    public record Edit(ChannelRef where, String messageId, Reply reply) {
    }

    private final String platform;
    private final List<Post> posts = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final Deque<DeliveryException> failures = new ArrayDeque<>();
    private final Deque<DeliveryException> editFailures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private int attempts;
    private final java.util.Set<String> repliedThreads = new java.util.HashSet<>();
    private final List<String> threadsRead = new ArrayList<>();

    public RecordingGateway(String platform) {
        this.platform = platform;
    }

    /** The next post fails with this. */
    public synchronized void failNext(DeliveryException e) {
        failures.add(e);
    }

    /** The next edit fails with this. */
    public synchronized void failNextEdit(DeliveryException e) {
        editFailures.add(e);
    }

    /** Someone other than the bot replies in the thread under this message. */
    public synchronized void replyIn(String messageId) {
        repliedThreads.add(messageId);
    }

    /** The threads read for replies, by the message they hang under, in order. */
    public synchronized List<String> threadsRead() {
        return List.copyOf(threadsRead);
    }

    @Override
    public synchronized boolean hasReplies(ChannelRef where, String threadOf) {
        threadsRead.add(threadOf);
        return repliedThreads.contains(threadOf);
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    public synchronized List<Edit> edits() {
        return List.copyOf(edits);
    }

    public synchronized int attempts() {
        return attempts;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public boolean canPost(ChannelRef where) {
        return where.platform().equals(platform);
    }

    @Override
    public synchronized String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey)
            throws DeliveryException {
        attempts++;
        DeliveryException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        String id = platform + "-" + ids.incrementAndGet();
        posts.add(new Post(where, threadOf, reply, dedupeKey, id));
        return id;
    }

    @Override
    public synchronized void edit(ChannelRef where, String messageId, Reply reply) throws DeliveryException {
        DeliveryException failure = editFailures.poll();
        if (failure != null) {
            throw failure;
        }
        edits.add(new Edit(where, messageId, reply));
    }
}
