package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import org.junit.jupiter.api.Test;

/** The pages after Slack's consent screen: bilingual, every value escaped, no exception text shown. */
final class SlackInstallPagesTest {
    private final SlackInstallPages pages = new SlackInstallPages();

    @Test
    void the_installed_page_links_into_the_workspace_with_its_ids_escaped() {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setTeamId("T1\"><script>alert(1)</script>");
        installer.setAppId("A1");
        String page = pages.renderSuccessPage(installer, null);
        assertThat(page).contains("讨论（Taolun）已安装", "Taolun is installed", "<code>/invite @taolun</code>",
                "slack://app?team=T1&quot;&gt;&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void a_failure_says_why_in_both_languages_and_shows_a_code_never_a_message() {
        assertThat(pages.renderFailurePage("/slack/install", "access_denied")).contains("安装已取消。",
                "The install was cancelled.", "(access_denied)", "href=\"/slack/install\"");
        assertThat(pages.renderFailurePage("/slack/install", "invalid_code")).contains("Slack 没有完成安装。",
                "Slack did not complete the install.", "(invalid_code)");
        // a failure here (saving, reaching Slack) comes as an exception's message: never shown
        String odd = pages.renderFailurePage("/x", "saving an installation failed: Table \"INSTALLATION\" <b>");
        assertThat(odd).contains("安装没有完成，请稍后再试。", "The install could not be completed; please try again later.",
                "(error)").doesNotContain("INSTALLATION", "<b>");
        // an org-wide install is told to install in each workspace
        assertThat(pages.renderFailurePage("/x", SlackInstallStore.ORG_WIDE)).contains("Enterprise Grid",
                "install it in each workspace", "(org_wide)");
    }
}
