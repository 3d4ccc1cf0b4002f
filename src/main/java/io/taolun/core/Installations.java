package io.taolun.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the workspaces a platform app was installed in through OAuth, each with its own bot credentials. The
 * credential is stored as the adapter hands it over, already sealed (encrypted): the store never sees a token.
 * Implemented on the database; a fake in tests.
 */
public interface Installations {
    /** Stores an installation, replacing the workspace's earlier one (a reinstall brings a new token). */
    void save(Installation installation);

    /** The workspace's installation, if it has one. */
    Optional<Installation> find(String platform, String workspace);

    /** Forgets the workspace's installation (uninstalled, or its token revoked); true when there was one. */
    boolean remove(String platform, String workspace);

    /**
     * One workspace's installation.
     *
     * @param sealedToken the bot token as the adapter sealed it; never the token itself
     * @param scopes      the scopes granted, comma-separated as the platform lists them
     * @param installedBy the platform's id of the user who installed the app
     */
    record Installation(String platform, String workspace, String botUser, String botId, String scopes,
            String sealedToken, String installedBy, Instant installedAt) {
        public Installation {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(sealedToken, "sealedToken");
            Objects.requireNonNull(installedAt, "installedAt");
            botUser = botUser == null ? "" : botUser;
            botId = botId == null ? "" : botId;
            scopes = scopes == null ? "" : scopes;
            installedBy = installedBy == null ? "" : installedBy;
            if (workspace.isBlank() || workspace.length() > 64 || platform.isBlank() || platform.length() > 20) {
                throw new IllegalArgumentException("platform and workspace must be 1 to 20 and 1 to 64 characters");
            }
            if (sealedToken.isBlank() || sealedToken.length() > 1000 || scopes.length() > 1000
                    || botUser.length() > 64 || botId.length() > 64 || installedBy.length() > 64) {
                throw new IllegalArgumentException("an installation's fields are over their columns' widths");
            }
        }

        @Override
        public String toString() {
            return "Installation[" + platform + ":" + workspace + ", bot " + botUser + ", by " + installedBy + "]";
        }
    }
}
