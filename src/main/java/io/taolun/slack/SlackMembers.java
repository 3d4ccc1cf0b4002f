package io.taolun.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import io.taolun.core.ChannelRef;
import io.taolun.core.DeliveryException;
import io.taolun.core.ChannelMembers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The members of a Slack channel, with {@code conversations.members} (scopes {@code channels:read} and
 * {@code groups:read}), read page by page up to {@link #PAGES} pages; the bot itself (from {@code auth.test}) left
 * out.
 */
final class SlackMembers implements ChannelMembers {
    /** Members per page: Slack's recommended page size. */
    static final int PAGE = 200;
    /** Pages read at most: 5,000 members. */
    static final int PAGES = 25;

    private final SlackWeb web;
    private final SlackTokens tokens;
    /** Each workspace's bot user, from {@code auth.test} when its installation does not name it. */
    private final java.util.Map<String, String> botUsers = new java.util.concurrent.ConcurrentHashMap<>();

    SlackMembers(SlackWeb web, SlackTokens tokens) {
        this.web = web;
        this.tokens = tokens;
    }

    @Override
    public Optional<Members> of(ChannelRef where) throws DeliveryException {
        if (!SlackGateway.PLATFORM.equals(where.platform())) {
            return Optional.empty();
        }
        SlackWeb in = web.in(where.workspace());
        String bot = botUser(in, where.workspace());
        List<String> users = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < PAGES; page++) {
            String from = cursor;
            SlackWeb.Result<ConversationsMembersResponse> read = in.call("conversations.members", true,
                    m -> m.conversationsMembers(r -> r.channel(where.channel()).limit(PAGE).cursor(from)));
            ConversationsMembersResponse response = read.response().orElseThrow(() -> DeliveryException.permanent(
                    "conversations.members of " + where.channel() + " failed: " + read.problem(), null));
            if (response.getMembers() != null) {
                response.getMembers().stream().filter(u -> !u.equals(bot)).forEach(users::add);
            }
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return Optional.of(new Members(users, true));
            }
        }
        return Optional.of(new Members(users, false));
    }

    /** The bot's own user id in the workspace: as its installation names it, or asked once. */
    private String botUser(SlackWeb in, String workspace) throws DeliveryException {
        Optional<String> installed = tokens.botUser(workspace);
        if (installed.isPresent()) {
            return installed.get();
        }
        String known = botUsers.get(workspace);
        if (known != null) {
            return known;
        }
        SlackWeb.Result<AuthTestResponse> auth = in.call("auth.test", true, m -> m.authTest(r -> r));
        AuthTestResponse response = auth.response().orElseThrow(() -> DeliveryException.permanent(
                "auth.test failed: " + auth.problem(), null));
        String user = response.getUserId() == null ? "" : response.getUserId();
        if (botUsers.size() < 10_000) {
            botUsers.put(workspace, user);
        }
        return user;
    }
}
