package io.taolun.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import io.taolun.core.Installations;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installation service on Taolun's {@link Installations} port: a workspace's bot token is sealed before it is
 * stored and opened when a request of that workspace needs it. Only bot tokens are kept (Taolun asks for no user
 * scopes); org-wide (Enterprise Grid) installs are refused. Log lines name the workspace, never a token.
 */
final class SlackInstallStore implements InstallationService {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInstallStore.class);
    /** Why an org-wide install is refused; Bolt hands it to the failure page as the reason. */
    static final String ORG_WIDE = "org-wide installs are not supported; install in each workspace";

    private final Installations installations;
    private final SlackTokens.Installed tokens;
    private final TokenSeal seal;
    private final Clock clock;

    SlackInstallStore(Installations installations, SlackTokens.Installed tokens, TokenSeal seal, Clock clock) {
        this.installations = installations;
        this.tokens = tokens;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("Taolun keeps only each workspace's latest installation");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        if (Boolean.TRUE.equals(installer.getIsEnterpriseInstall())) {
            throw new IllegalArgumentException(ORG_WIDE);
        }
        String team = installer.getTeamId();
        String token = installer.getBotAccessToken();
        if (team == null || team.isBlank() || token == null || !token.startsWith("xoxb-")) {
            throw new IllegalArgumentException("the install gave no workspace or no bot token");
        }
        Instant at = installer.getInstalledAt() == null ? clock.instant()
                : Instant.ofEpochMilli(installer.getInstalledAt());
        installations.save(new Installations.Installation(SlackGateway.PLATFORM, team, installer.getBotUserId(),
                installer.getBotId(), installer.getBotScope(), seal.seal(token, team), installer.getInstallerUserId(),
                at));
        tokens.changed(team);
        LOG.info("slack: installed in workspace {} by {}", team, installer.getInstallerUserId());
    }

    @Override
    public void saveBot(Bot bot) {
        throw new UnsupportedOperationException("installations are saved with their installer");
    }

    @Override
    public void deleteBot(Bot bot) {
        remove(bot.getTeamId(), "its bot token stopped working");
    }

    /** Taolun keeps no user tokens: a revoked user token leaves the bot's installation as it is. */
    @Override
    public void deleteInstaller(Installer installer) {
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(teamId, "uninstalled");
    }

    /** Forgets a workspace's installation; true when there was one. */
    boolean remove(String team, String why) {
        if (team == null || team.isBlank()) {
            return false;
        }
        boolean removed = installations.remove(SlackGateway.PLATFORM, team);
        tokens.changed(team);
        if (removed) {
            LOG.info("slack: workspace {} removed ({})", team, why);
        }
        return removed;
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        Optional<Installations.Installation> found = tokens.installation(teamId);
        Optional<String> token = tokens.botToken(teamId);
        if (found.isEmpty() || token.isEmpty()) {
            return null;
        }
        Installations.Installation i = found.get();
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(teamId);
        bot.setBotAccessToken(token.get());
        bot.setBotUserId(i.botUser());
        bot.setBotId(i.botId());
        bot.setBotScope(i.scopes());
        bot.setInstalledAt(i.installedAt().toEpochMilli());
        return bot;
    }

    /** No user tokens are kept. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return "讨论（Taolun）没有安装在这个工作区，或已被移除：请工作区管理员重新安装。"
                + " / Taolun is not installed in this workspace, or was removed: ask a workspace admin to install it.";
    }
}
