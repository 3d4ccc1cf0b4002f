package io.taolun.discord;

import io.taolun.core.Block;
import io.taolun.core.Button;
import io.taolun.core.Field;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a neutral reply as a Discord embed (title, description, fields, footer) with one button per option,
 * within Discord's limits, and never allowing a mention.
 */
final class Embeds {
    private static final int TITLE_MAX = 256;
    private static final int DESCRIPTION_MAX = 4096;
    private static final int FIELD_NAME_MAX = 256;
    private static final int FIELD_VALUE_MAX = 1024;
    private static final int FOOTER_MAX = 2048;
    private static final int MAX_FIELDS = 25;
    private static final int LABEL_MAX = 80;
    private static final int ERROR_COLOR = 0xB00020;
    private static final int COLOR = 0x8C2F39;

    /** No mention of any kind is ever allowed, whatever the text says. */
    static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private Embeds() {
    }

    static MessageCreateData create(Reply reply) {
        MessageCreateBuilder message = new MessageCreateBuilder().setEmbeds(embed(reply))
                .setAllowedMentions(NO_MENTIONS);
        List<ActionRow> rows = rows(reply);
        if (!rows.isEmpty()) {
            message.setComponents(rows);
        }
        reply.attachment().ifPresent(a -> message.addFiles(FileUpload.fromData(a.bytes(), a.fileName())));
        return message.build();
    }

    static MessageEditData edit(Reply reply) {
        MessageEditBuilder message = new MessageEditBuilder().setEmbeds(embed(reply)).setAllowedMentions(NO_MENTIONS)
                .setComponents(rows(reply));
        reply.attachment().ifPresent(a -> message.setFiles(FileUpload.fromData(a.bytes(), a.fileName())));
        return message.build();
    }

    private static String mention(String user) {
        return user.matches("\\d{1,20}") ? "<@" + user + ">" : user;
    }

    static MessageEmbed embed(Reply reply) {
        EmbedBuilder embed = new EmbedBuilder().setColor(reply.error() ? ERROR_COLOR : COLOR);
        if (!reply.title().isEmpty()) {
            embed.setTitle(SafeText.cut((reply.error() ? "⚠ " : "") + reply.title(), TITLE_MAX));
        }
        StringBuilder description = new StringBuilder();
        for (Block block : reply.blocks()) {
            if (description.length() > 0) {
                description.append("\n\n");
            }
            if (block instanceof Block.Text t) {
                description.append(t.text());
            } else if (block instanceof Block.Credit c) {
                // a mention in an embed shows the member's name and pings no one
                description.append(c.before()).append(mention(c.user())).append(c.after());
            } else if (block instanceof Block.People p) {
                description.append(String.join(" ", p.users().stream().map(Embeds::mention).toList()));
            } else if (block instanceof Block.Quote q) {
                description.append("> ").append(q.text().replace("\n", "\n> "));
                if (!q.gloss().isEmpty()) {
                    description.append("\n> *").append(q.gloss()).append('*');
                }
                if (!q.attribution().isEmpty()) {
                    description.append("\n— ").append(q.attribution());
                }
            }
        }
        if (description.length() > 0) {
            embed.setDescription(SafeText.cut(description.toString(), DESCRIPTION_MAX));
        }
        List<Field> fields = reply.fields();
        for (int i = 0; i < Math.min(MAX_FIELDS, fields.size()); i++) {
            embed.addField(SafeText.cut(fields.get(i).name(), FIELD_NAME_MAX), SafeText.cut(fields.get(i).value(), FIELD_VALUE_MAX),
                    false);
        }
        if (!reply.footer().isEmpty()) {
            embed.setFooter(SafeText.cut(reply.footer(), FOOTER_MAX));
        }
        if (embed.isEmpty()) {
            embed.setDescription("…");
        }
        // Discord refuses embeds over 6,000 characters in all: drop trailing fields, then shorten the description
        while (embed.length() > MessageEmbed.EMBED_MAX_LENGTH_BOT && !embed.getFields().isEmpty()) {
            embed.getFields().remove(embed.getFields().size() - 1);
        }
        int over = embed.length() - MessageEmbed.EMBED_MAX_LENGTH_BOT;
        if (over > 0) {
            String current = embed.getDescriptionBuilder().toString();
            embed.setDescription(SafeText.cut(current, Math.max(1, current.length() - over - 1)));
        }
        return embed.build();
    }

    private static List<ActionRow> rows(Reply reply) {
        List<ActionRow> rows = new ArrayList<>();
        List<ActionRowChildComponent> row = new ArrayList<>();
        for (Button b : reply.buttons()) {
            if (b.actionId().length() > net.dv8tion.jda.api.components.buttons.Button.ID_MAX_LENGTH) {
                continue;
            }
            row.add(net.dv8tion.jda.api.components.buttons.Button.primary(b.actionId(), SafeText.cut(b.label(), LABEL_MAX)));
            if (row.size() == 5) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty() && rows.size() < 5) {
            rows.add(ActionRow.of(row));
        }
        return rows.size() > 5 ? rows.subList(0, 5) : rows;
    }
}
