package io.taolun.slack;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page a browser sees back from Slack's consent screen, in Chinese and English: installed (with links into
 * Slack), or why not (with a link to start again). A Mustache template, so every value is escaped; no script and no
 * inline style, as the served pages' security headers allow.
 */
final class SlackInstallPages implements OAuthRedirectUriPageRenderer {
    /** Bolt's failure reasons a person can act on, in words: Chinese, then English. */
    private static final Map<String, List<String>> REASONS = Map.of(
            "invalid_state", List.of("这个安装链接已过期、已用过，或不是在这个浏览器里打开的。",
                    "This install link expired, was used already, or was opened in another browser."),
            "access_denied", List.of("安装已取消。", "The install was cancelled."),
            "missing_code", List.of("Slack 没有给出授权码。", "Slack sent no authorization code."),
            "storage_error", List.of("安装无法保存，请稍后再试。", "The install could not be saved; please try again later."));
    private static final List<String> OTHER = List.of("Slack 没有完成安装。", "Slack did not complete the install.");

    private final Mustache template = new DefaultMustacheFactory("io/taolun/slack").compile("install.mustache");

    @Override
    public String renderSuccessPage(Installer installer, String completionUrl) {
        Map<String, Object> page = new HashMap<>();
        page.put("installed", true);
        page.put("team", installer.getTeamId() == null ? "" : installer.getTeamId());
        page.put("app", installer.getAppId() == null ? "" : installer.getAppId());
        return render(page);
    }

    @Override
    public String renderFailurePage(String installPath, String reason) {
        List<String> said = REASONS.getOrDefault(reason == null ? "" : reason, OTHER);
        Map<String, Object> page = new HashMap<>();
        page.put("installed", false);
        page.put("zh", said.get(0));
        page.put("en", said.get(1));
        // Bolt passes an exception's message as the reason when saving fails: only a code is shown, never a message
        page.put("reason", reason != null && reason.matches("[a-z_]{1,40}") ? reason : "error");
        page.put("again", SlackOAuth.INSTALL_PATH);
        return render(page);
    }

    private String render(Map<String, Object> page) {
        StringWriter out = new StringWriter();
        template.execute(out, page);
        return out.toString();
    }
}
