package io.taolun.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.Installations;
import java.time.Duration;
import java.util.Optional;

/**
 * Which bot token to call Slack with in a workspace: the one {@code SLACK_BOT_TOKEN}, or each workspace's own from
 * its OAuth installation, opened from its seal. Installations (and their absence) are cached for a minute: an install
 * or uninstall on this replica is seen at once, on another replica within that minute.
 */
abstract class SlackTokens {
    static final Duration CACHED = Duration.ofMinutes(1);

    /** The one token of single-workspace mode; empty when tokens are per workspace. */
    abstract Optional<String> single();

    /** The workspace's bot token; empty when Taolun is not installed there. */
    abstract Optional<String> botToken(String workspace);

    /** The workspace's bot user, when its installation names it (otherwise ask {@code auth.test}). */
    abstract Optional<String> botUser(String workspace);

    /**
     * Whether the user installed the app in the workspace: Slack vouches that they could, and Taolun takes them as an
     * admin of that workspace (schedules, {@code use}, closing others' polls). False with one token.
     */
    abstract boolean installedBy(String workspace, String user);

    static SlackTokens single(String token) {
        return new SlackTokens() {
            @Override
            Optional<String> single() {
                return Optional.of(token);
            }

            @Override
            Optional<String> botToken(String workspace) {
                return Optional.of(token);
            }

            @Override
            Optional<String> botUser(String workspace) {
                return Optional.empty();
            }

            @Override
            boolean installedBy(String workspace, String user) {
                return false;
            }
        };
    }

    /**
     * Tokens of the workspaces Taolun was installed in through OAuth. What is cached is the installation with its
     * token already opened, or the lack of one, so that a token is opened (and a key that cannot open it logged) once
     * a minute per workspace, not on every call.
     */
    static final class Installed extends SlackTokens {
        private final Installations installations;
        private final TokenSeal seal;
        private final Cache<String, Optional<Opened>> cache;

        /** An installation and its token, empty when the seal does not open. */
        private record Opened(Installations.Installation installation, Optional<String> token) {
        }

        Installed(Installations installations, TokenSeal seal) {
            this(installations, seal, Ticker.systemTicker());
        }

        Installed(Installations installations, TokenSeal seal, Ticker ticker) {
            this.installations = installations;
            this.seal = seal;
            this.cache = Caffeine.newBuilder().expireAfterWrite(CACHED).maximumSize(10_000).ticker(ticker).build();
        }

        @Override
        Optional<String> single() {
            return Optional.empty();
        }

        @Override
        Optional<String> botToken(String workspace) {
            return opened(workspace).flatMap(Opened::token);
        }

        @Override
        Optional<String> botUser(String workspace) {
            return installation(workspace).map(Installations.Installation::botUser).filter(u -> !u.isEmpty());
        }

        @Override
        boolean installedBy(String workspace, String user) {
            try {
                return user != null && !user.isBlank()
                        && installation(workspace).map(i -> i.installedBy().equals(user)).orElse(false);
            } catch (RuntimeException e) {
                // the installation cannot be read now: the user is not taken as an admin
                return false;
            }
        }

        Optional<Installations.Installation> installation(String workspace) {
            return opened(workspace).map(Opened::installation);
        }

        private Optional<Opened> opened(String workspace) {
            if (workspace == null || workspace.isBlank() || workspace.length() > 64) {
                return Optional.empty();
            }
            return cache.get(workspace, w -> installations.find(SlackGateway.PLATFORM, w)
                    .map(i -> new Opened(i, seal.open(i.sealedToken(), w))));
        }

        /** Forgets what is cached of the workspace, after this replica changed its installation. */
        void changed(String workspace) {
            cache.invalidate(workspace);
        }
    }
}
