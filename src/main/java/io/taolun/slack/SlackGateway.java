package io.taolun.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.taolun.core.Attachment;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Posts and edits bot messages with the bot token, one attempt per call: the caller (the outbox) retries. Slack has
 * no idempotency key, so a post that may have reached Slack (a 5xx, a lost answer) fails permanently rather than
 * risk posting twice; an edit is safe to repeat, so the same failure is retryable.
 */
final class SlackGateway implements ChatGateway {
    static final String PLATFORM = "slack";
    /** Slack does not document a limit for {@code initial_comment}; a file's caption should be short anyway. */
    private static final int COMMENT_MAX = 1000;
    /** Messages read per page of a thread, and pages read at most, when looking for a person's reply. */
    private static final int REPLY_PAGE = 100;
    private static final int REPLY_PAGES = 5;
    /** Slack's limit for an image's {@code alt_txt}. */
    private static final int ALT_TEXT_MAX = 1000;

    private final SlackWeb web;

    SlackGateway(SlackWeb web) {
        this.web = web;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** Any Slack channel: the bot token reaches every channel the bot was invited to, in its one workspace. */
    @Override
    public boolean canPost(ChannelRef where) {
        return PLATFORM.equals(where.platform());
    }

    /**
     * Posts with {@code chat.postMessage} and returns its {@code ts}. A reply with an attachment is uploaded as a
     * file with the reply's text as its comment; see {@link #postFile} for the id that returns.
     */
    @Override
    public String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey)
            throws DeliveryException {
        requireSlack(where);
        if (reply.attachment().isPresent()) {
            return postFile(where, threadOf, reply, reply.attachment().get());
        }
        List<LayoutBlock> blocks = BlockKit.render(reply, null, null);
        SlackWeb.Result<ChatPostMessageResponse> posted = web.in(where.workspace()).once(m -> m.chatPostMessage(r -> r
                .channel(where.channel()).threadTs(threadOf.orElse(null)).text(BlockKit.fallback(reply))
                .blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        String what = "chat.postMessage to " + where.channel();
        ChatPostMessageResponse response = posted.response().orElseThrow(() -> failure(what, posted, false));
        if (response.getTs() == null) {
            throw DeliveryException.permanent(what + " was posted but Slack gave no ts", null);
        }
        return response.getTs();
    }

    /**
     * Uploads with Slack's external flow, step by step so that each step's failure is judged on its own: nothing is
     * shared before {@code files.completeUploadExternal}, so until then even a 5xx or a lost answer is retryable.
     *
     * @return the {@code ts} of the file's message when the completion names it (in the file's shares); otherwise,
     *         as Slack answers today, the file id ({@code F...}), which identifies the post but cannot be edited
     *         with {@code chat.update} or threaded under
     */
    private String postFile(ChannelRef where, Optional<String> threadOf, Reply reply, Attachment file)
            throws DeliveryException {
        Uploaded uploaded = upload(web.in(where.workspace()), reply, file,
                "files.completeUploadExternal to " + where.channel(),
                r -> r.channelId(where.channel()).threadTs(threadOf.orElse(null)));
        return shareTs(uploaded.done(), where.channel()).orElse(uploaded.fileId());
    }

    /**
     * Uploads a reply's file to one user alone: {@code files.completeUploadExternal} shares it in the bot's direct
     * messages with a user id given in {@code channels} (no {@code im:write} scope needed), one attempt.
     */
    void sendFileTo(String workspace, String user, Reply reply) throws DeliveryException {
        Attachment file = reply.attachment().orElseThrow(() -> new IllegalArgumentException("no attachment"));
        upload(web.in(workspace), reply, file, "files.completeUploadExternal to a user",
                r -> r.channels(List.of(user)));
    }

    /** Uploads a reply's file into a channel, outside of the outbox: one attempt. */
    void sendFileIn(String workspace, String channel, Reply reply) throws DeliveryException {
        Attachment file = reply.attachment().orElseThrow(() -> new IllegalArgumentException("no attachment"));
        upload(web.in(workspace), reply, file, "files.completeUploadExternal to " + channel, r -> r.channelId(channel));
    }

    /** A completed upload: the file's id and Slack's answer to the completion. */
    private record Uploaded(String fileId, FilesCompleteUploadExternalResponse done) {
    }

    private Uploaded upload(SlackWeb web, Reply reply, Attachment file, String what,
            UnaryOperator<FilesCompleteUploadExternalRequest.FilesCompleteUploadExternalRequestBuilder> destination)
            throws DeliveryException {
        byte[] bytes = file.bytes();
        String alt = SafeText.cut(BlockKit.fallback(reply), ALT_TEXT_MAX);
        SlackWeb.Result<FilesGetUploadURLExternalResponse> url = web.once(m -> m.filesGetUploadURLExternal(r -> r
                .filename(file.fileName()).length(bytes.length)
                .altTxt(file.mediaType().startsWith("image/") && !alt.isBlank() ? alt : null)));
        FilesGetUploadURLExternalResponse target = url.response()
                .orElseThrow(() -> failure("files.getUploadURLExternal", url, true));
        SlackWeb.Result<Integer> uploaded = web.uploadOnce(target.getUploadUrl(), bytes);
        if (!uploaded.ok()) {
            throw failure("upload of " + file.fileName(), uploaded, true);
        }
        String comment = SafeText.cut(BlockKit.escape(reply.plainText().strip()), COMMENT_MAX);
        SlackWeb.Result<FilesCompleteUploadExternalResponse> completed = web.once(m -> m.filesCompleteUploadExternal(
                r -> destination.apply(r.files(List.of(FileDetails.builder().id(target.getFileId())
                        .title(file.fileName()).build())).initialComment(comment.isEmpty() ? null : comment))));
        FilesCompleteUploadExternalResponse done = completed.response().orElseThrow(
                () -> failure(what, completed, false));
        return new Uploaded(target.getFileId(), done);
    }

    /** Replaces a message's blocks and fallback text with {@code chat.update}. */
    /**
     * Reads the thread with {@code conversations.replies} (scopes {@code channels:history}, {@code groups:history}) and
     * looks for a message from a person: not a bot's, not a channel event. Reading twice does no harm, so any failure
     * but a refusal is retryable.
     */
    @Override
    public boolean hasReplies(ChannelRef where, String threadOf) throws DeliveryException {
        requireSlack(where);
        SlackWeb in = web.in(where.workspace());
        String cursor = null;
        for (int page = 0; page < REPLY_PAGES; page++) {
            String from = cursor;
            SlackWeb.Result<ConversationsRepliesResponse> read = in.once(m -> m.conversationsReplies(r -> r
                    .channel(where.channel()).ts(threadOf).limit(REPLY_PAGE).cursor(from)));
            ConversationsRepliesResponse response = read.response().orElseThrow(() -> failure(
                    "conversations.replies of " + threadOf + " in " + where.channel(), read, true));
            List<Message> messages = response.getMessages() == null ? List.of() : response.getMessages();
            if (messages.stream().anyMatch(message -> byPerson(message, threadOf))) {
                return true;
            }
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return false;
            }
        }
        return false;
    }

    /** A reply a person wrote (a plain message, or one also sent to the channel), not the thread's parent. */
    private static boolean byPerson(Message message, String parentTs) {
        String subtype = message.getSubtype();
        return !parentTs.equals(message.getTs()) && message.getBotId() == null && message.getUser() != null
                && (subtype == null || subtype.equals("thread_broadcast"));
    }

    @Override
    public void edit(ChannelRef where, String messageId, Reply reply) throws DeliveryException {
        requireSlack(where);
        List<LayoutBlock> blocks = BlockKit.render(reply, null, null);
        SlackWeb in = web.in(where.workspace());
        SlackWeb.Result<?> updated = in.once(m -> m.chatUpdate(r -> r.channel(where.channel()).ts(messageId)
                .text(BlockKit.fallback(reply)).blocks(blocks)));
        if (!updated.ok()) {
            throw failure("chat.update of " + messageId + " in " + where.channel(), updated, true);
        }
    }

    private static void requireSlack(ChannelRef where) throws DeliveryException {
        if (!PLATFORM.equals(where.platform())) {
            throw DeliveryException.permanent("not a Slack channel: " + SafeText.echo(where.platform()), null);
        }
    }

    /**
     * The failure as the outbox needs it. Messages name the method, the channel and Slack's error, never the token.
     *
     * @param repeatable whether the call may be made again when Slack may already have acted on it
     */
    private static DeliveryException failure(String what, SlackWeb.Result<?> result, boolean repeatable) {
        String problem = result.problem();
        return switch (result.outcome()) {
            case RATE_LIMITED -> DeliveryException.retryable(what + " rate-limited (" + problem + ")",
                    result.retryAfter(), null);
            case UNREACHED -> DeliveryException.retryable(what + ": Slack not reached (" + problem + ")",
                    Optional.empty(), null);
            case UNCERTAIN -> repeatable
                    ? DeliveryException.retryable(what + " failed (" + problem + ")", Optional.empty(), null)
                    : DeliveryException.maybeDone(what + " failed (" + problem
                            + "); it may have been posted, so it is not repeated", null);
            case REFUSED, DONE -> DeliveryException.permanent(what + " refused: " + problem, null);
        };
    }

    /** The ts of the file's message in the channel, if the completion lists the share. */
    private static Optional<String> shareTs(FilesCompleteUploadExternalResponse done, String channel) {
        if (done.getFiles() == null || done.getFiles().size() != 1 || done.getFiles().get(0).getShares() == null) {
            return Optional.empty();
        }
        File.Shares shares = done.getFiles().get(0).getShares();
        return Stream.of(shares.getPublicChannels(), shares.getPrivateChannels())
                .filter(map -> map != null)
                .map(map -> map.getOrDefault(channel, List.of()))
                .flatMap(List::stream)
                .map(File.ShareDetail::getTs)
                .filter(ts -> ts != null && !ts.isBlank())
                .findFirst();
    }
}
