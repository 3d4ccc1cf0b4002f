package io.taolun.slack;

import com.slack.api.Slack;
import io.taolun.core.ChatGateway;
import io.taolun.core.Installations;
import io.taolun.core.OAuthStates;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taolun's outbound side on Slack: the Web API client with the bot token (or, installed through OAuth, each
 * workspace's own), and the {@link ChatGateway} every post and edit goes through. Built before anything that posts,
 * so that the core's services get their gateway at construction; the composition then {@link #bind binds} the
 * installation store (built on the database it opens), and the {@link SlackAdapter} (the inbound side) is built on
 * it afterwards.
 */
public final class SlackConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);

    private final SlackSettings settings;
    private final Slack slack;
    private final SlackWeb web;
    private final SlackGateway gateway;
    private final SlackMembers members;
    private final Bound bound = new Bound();
    private final Optional<TokenSeal> seal;
    private final Optional<SlackTokens.Installed> installed;
    private final SlackTokens tokens;

    /** Connects nothing yet: the first call (the adapter's {@code auth.test}) opens the connection. */
    public SlackConnection(SlackSettings settings) {
        this.settings = settings;
        this.slack = BoltApps.client(settings);
        this.seal = settings.oauth().map(o -> new TokenSeal(TokenSeal.key(o.secretKey()), new SecureRandom()));
        this.installed = seal.map(s -> new SlackTokens.Installed(bound, s));
        this.tokens = installed.<SlackTokens>map(i -> i)
                .orElseGet(() -> SlackTokens.single(settings.botToken().orElseThrow()));
        this.web = new SlackWeb(slack, tokens, d -> Thread.sleep(d.toMillis()));
        this.gateway = new SlackGateway(web);
        this.members = new SlackMembers(web, tokens);
    }

    /**
     * Gives the connection its stores of installations and OAuth states, once, before the adapter is built; needed
     * only when Taolun is installed through OAuth. Until then no workspace is known.
     */
    public void bind(Installations installations, OAuthStates states, Clock clock) {
        bound.bind(installations, states, clock);
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

    SlackTokens tokens() {
        return tokens;
    }

    /** Bolt's installation service, when Taolun is installed through OAuth (after {@link #bind}). */
    Optional<SlackInstallStore> installStore() {
        return installed.map(i -> new SlackInstallStore(bound, i, seal.orElseThrow(), bound.clock()));
    }

    /** Bolt's OAuth state service, when Taolun is installed through OAuth (after {@link #bind}). */
    Optional<SlackOAuthStates> oauthStates() {
        return settings.oauth().map(o -> new SlackOAuthStates(bound.states(), o.stateSecret(), new SecureRandom(),
                bound.clock()));
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LOG.info("slack client close: {}", e.getClass().getSimpleName());
        }
    }

    /** The installation store once bound; before, no workspace is installed and nothing can be saved. */
    private static final class Bound implements Installations {
        private volatile Installations target;
        private volatile OAuthStates states;
        private volatile Clock clock;

        synchronized void bind(Installations installations, OAuthStates oauthStates, Clock c) {
            if (target != null) {
                throw new IllegalStateException("the installation store is bound already");
            }
            this.states = Objects.requireNonNull(oauthStates, "states");
            this.clock = Objects.requireNonNull(c, "clock");
            this.target = Objects.requireNonNull(installations, "installations");
        }

        private Installations target() {
            Installations t = target;
            if (t == null) {
                throw new IllegalStateException("the installation store is not bound yet");
            }
            return t;
        }

        OAuthStates states() {
            target();
            return states;
        }

        Clock clock() {
            target();
            return clock;
        }

        @Override
        public void save(Installation installation) {
            target().save(installation);
        }

        @Override
        public Optional<Installation> find(String platform, String workspace) {
            Installations t = target;
            return t == null ? Optional.empty() : t.find(platform, workspace);
        }

        @Override
        public boolean remove(String platform, String workspace) {
            return target().remove(platform, workspace);
        }
    }
}
