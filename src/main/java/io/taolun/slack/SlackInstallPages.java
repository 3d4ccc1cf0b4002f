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
            "org_wide", List.of("讨论（Taolun）不支持为整个组织（Enterprise Grid）安装：请分别安装到每个工作区。",
                    "Taolun cannot be installed for a whole organization (Enterprise Grid): install it in each "
                            + "workspace."));
    /** A reason that is not one of Slack's codes: Bolt's message of a failure here (saving, reaching Slack). */
    private static final List<String> FAILED_HERE = List.of("安装没有完成，请稍后再试。",
            "The install could not be completed; please try again later.");
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
        boolean code = reason != null && reason.matches("[a-z_]{1,40}");
        if (SlackInstallStore.ORG_WIDE.equals(reason)) {
            reason = "org_wide";
            code = true;
        }
        List<String> said = code ? REASONS.getOrDefault(reason, OTHER) : FAILED_HERE;
        Map<String, Object> page = new HashMap<>();
        page.put("installed", false);
        page.put("zh", said.get(0));
        page.put("en", said.get(1));
        // Bolt passes an exception's message as the reason when saving fails: only a code is shown, never a message
        page.put("reason", code ? reason : "error");
        page.put("again", SlackOAuth.INSTALL_PATH);
        return render(page);
    }

    private String render(Map<String, Object> page) {
        StringWriter out = new StringWriter();
        template.execute(out, page);
        return out.toString();
    }
}
