package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

/** The invite link asks for every permission the adapter uses, and README's link is the same. */
final class InviteTest {
    /** What the adapter calls need: see the channel, post with embeds and charts, weekly-poll threads, read a message. */
    private static final EnumSet<Permission> USED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_HISTORY);

    @Test
    void the_invite_permissions_are_those_the_adapter_uses_view_channel_included() {
        assertThat(Invite.PERMISSIONS).containsExactlyInAnyOrderElementsOf(USED);
        assertThat(Invite.permissions()).isEqualTo(Permission.getRaw(USED));
        assertThat(Invite.permissions() & Permission.VIEW_CHANNEL.getRawValue()).isNotZero();
        assertThat(Invite.url("123")).isEqualTo("https://discord.com/oauth2/authorize?client_id=123"
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(USED));
    }

    @Test
    void every_invite_url_in_the_docs_carries_the_same_permissions() throws Exception {
        Pattern invite = Pattern.compile("discord\\.com/oauth2/authorize\\?[^`\n]*?permissions=(\\d+)");
        int found = 0;
        for (Path doc : java.util.List.of(Path.of("README.md"), Path.of("docs/platforms.md"))) {
            Matcher m = invite.matcher(Files.readString(doc));
            while (m.find()) {
                found++;
                assertThat(Permission.getPermissions(Long.parseLong(m.group(1)))).as(doc.toString())
                        .containsExactlyInAnyOrderElementsOf(USED);
            }
        }
        assertThat(found).isPositive();
    }
}
