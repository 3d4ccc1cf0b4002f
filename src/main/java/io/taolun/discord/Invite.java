package io.taolun.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The link that adds the bot to a server: its scopes and every permission the adapter's calls need in a channel.
 * README's invite URL carries the same integer (a test keeps them equal).
 */
final class Invite {
    /**
     * Seeing the channel at all; sending answers and posts ({@code sendMessage}) with embeds and result charts; the
     * weekly poll's thread ({@code createThreadChannel} on its message, posts in it); reading a message to find the
     * thread another replica started ({@code retrieveMessageById}). Editing its own messages needs nothing more.
     */
    static final Set<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_HISTORY);

    private Invite() {
    }

    /** The permission integer of the invite link. */
    static long permissions() {
        return Permission.getRaw(PERMISSIONS);
    }

    static String url(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + permissions();
    }
}
