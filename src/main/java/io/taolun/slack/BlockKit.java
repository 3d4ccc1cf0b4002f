package io.taolun.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.taolun.core.Block;
import io.taolun.core.Button;
import io.taolun.core.Field;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a neutral reply as Block Kit: a header, sections for text and quotes (the quote's section named in a
 * context line), fields, one actions block of buttons, and the footer as context. Every piece of text is escaped
 * ({@code & < >}) so nothing in it can become a mention or a link, and cut to Slack's limits. An attachment is not
 * rendered: it is uploaded as a file.
 */
final class BlockKit {
    /** Button action ids: what Taolun's buttons send back. The value carries the command, checked again on return. */
    static final String BUTTON = "taolun-button";
    static final String SHARE = "taolun-share";

    private static final int HEADER_MAX = 150;
    private static final int TEXT_MAX = 3000;
    private static final int FIELD_MAX = 2000;
    private static final int BUTTON_TEXT_MAX = 75;
    private static final int MAX_BLOCKS = 50;

    private BlockKit() {
    }

    static List<LayoutBlock> render(Reply reply, String shareCommand, String shareLabel) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!reply.title().isEmpty()) {
            blocks.add(HeaderBlock.builder().text(plain((reply.error() ? "⚠ " : "") + reply.title(), HEADER_MAX)).build());
        }
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Text t) {
                blocks.add(section(escape(t.text())));
            } else if (block instanceof Block.Credit c) {
                blocks.add(context(escape(c.before()) + mention(c.user()) + escape(c.after())));
            } else if (block instanceof Block.People p) {
                blocks.add(section(String.join(" ", p.users().stream().map(BlockKit::mention).toList())));
            } else if (block instanceof Block.Quote q) {
                StringBuilder text = new StringBuilder("> ").append(escape(q.text()).replace("\n", "\n> "));
                if (!q.gloss().isEmpty()) {
                    text.append("\n> _").append(escape(q.gloss())).append('_');
                }
                blocks.add(section(text.toString()));
                if (!q.attribution().isEmpty()) {
                    blocks.add(context("— " + escape(q.attribution())));
                }
            }
        }
        List<Field> fields = reply.fields();
        for (int i = 0; i < fields.size(); i += 10) {
            List<TextObject> chunk = new ArrayList<>();
            for (Field f : fields.subList(i, Math.min(fields.size(), i + 10))) {
                chunk.add(markdown("*" + escape(f.name()) + "*\n" + escape(f.value()), FIELD_MAX));
            }
            blocks.add(SectionBlock.builder().fields(chunk).build());
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (Button b : reply.buttons()) {
            buttons.add(button(BUTTON + "-" + buttons.size(), b.label(), b.actionId()));
        }
        if (shareCommand != null) {
            buttons.add(button(SHARE, shareLabel, shareCommand));
        }
        if (!buttons.isEmpty()) {
            blocks.add(ActionsBlock.builder().blockId("taolun-actions").elements(buttons).build());
        }
        if (!reply.footer().isEmpty()) {
            blocks.add(context(escape(reply.footer())));
        }
        return blocks.size() <= MAX_BLOCKS ? blocks : blocks.subList(0, MAX_BLOCKS);
    }

    /** Plain text for notifications and clients that show no blocks. */
    static String fallback(Reply reply) {
        String text = reply.title().isEmpty() ? reply.plainText().strip() : reply.title();
        return SafeText.cut(escape(text), 300);
    }

    /** Slack's three control characters in message text; with them escaped no mention or link can be formed. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A user mention, which Slack shows as the user's name; anything that is not a Slack user id is shown escaped.
     * The core names users only in messages it edits (an option's author): at most that one user is reached.
     */
    static String mention(String user) {
        return user.matches("[A-Z0-9]{1,30}") ? "<@" + user + ">" : escape(user);
    }

    private static ButtonElement button(String actionId, String label, String value) {
        return ButtonElement.builder().actionId(actionId).text(plain(label, BUTTON_TEXT_MAX)).value(SafeText.cut(value, 2000))
                .build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(mrkdwn, TEXT_MAX)).build();
    }

    private static ContextBlock context(String mrkdwn) {
        List<ContextBlockElement> elements = List.of(markdown(mrkdwn, TEXT_MAX));
        return ContextBlock.builder().elements(elements).build();
    }

    private static MarkdownTextObject markdown(String text, int max) {
        return MarkdownTextObject.builder().text(SafeText.cut(text, max)).verbatim(true).build();
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(SafeText.cut(text, max)).emoji(true).build();
    }
}
