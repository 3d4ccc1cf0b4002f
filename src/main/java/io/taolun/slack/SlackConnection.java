package io.taolun.slack;

import com.slack.api.Slack;
import io.taolun.core.ChatGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taolun's outbound side on Slack: the Web API client with the bot token, and the {@link ChatGateway} every post and
 * edit goes through. Built before anything that posts, so that the core's services get their gateway at
 * construction; the {@link SlackAdapter} (the inbound side) is built on it afterwards.
 */
public final class SlackConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);

    private final SlackSettings settings;
    private final Slack slack;
    private final SlackWeb web;
    private final SlackGateway gateway;
    private final SlackMembers members;

    /** Connects nothing yet: the first call (the adapter's {@code auth.test}) opens the connection. */
    public SlackConnection(SlackSettings settings) {
        this.settings = settings;
        this.slack = BoltApps.client(settings);
        this.web = new SlackWeb(slack, settings.botToken(), d -> Thread.sleep(d.toMillis()));
        this.gateway = new SlackGateway(web);
        this.members = new SlackMembers(web);
    }

    /** Who is in a Slack channel, for the list of who has not voted. */
    public io.taolun.core.ChannelMembers members() {
        return members;
    }

    /** Posts and edits in Slack channels; one attempt per call. */
    public ChatGateway gateway() {
        return gateway;
    }

    SlackSettings settings() {
        return settings;
    }

    Slack slack() {
        return slack;
    }

    SlackWeb web() {
        return web;
    }

    SlackGateway slackGateway() {
        return gateway;
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LOG.info("slack client close: {}", e.getClass().getSimpleName());
        }
    }
}
