package io.taolun.console;

import io.taolun.core.Block;
import io.taolun.core.Button;
import io.taolun.core.Field;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.util.ArrayList;
import java.util.List;

/** Draws a {@link Reply} as plain text for a terminal of a given width; buttons become numbered choices. */
final class PlainTextRenderer {
    static final int DEFAULT_COLUMNS = 80;

    private final int columns;

    PlainTextRenderer(int columns) {
        this.columns = columns;
    }

    String render(Reply reply, Messages messages) {
        List<String> out = new ArrayList<>();
        if (!reply.title().isEmpty()) {
            out.addAll(TextWrap.wrap((reply.error() ? "! " : "") + reply.title(), columns, ""));
            out.add(rule(Math.min(columns, TextWrap.width(out.get(out.size() - 1)))));
        }
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Text text) {
                out.addAll(TextWrap.wrap((reply.error() && reply.title().isEmpty() ? "! " : "") + text.text(), columns, ""));
            } else if (block instanceof Block.Credit credit) {
                out.addAll(TextWrap.wrap(credit.before() + "@" + credit.user() + credit.after(), columns, ""));
            } else if (block instanceof Block.People people) {
                out.addAll(TextWrap.wrap(String.join(" ", people.users().stream().map(u -> "@" + u).toList()),
                        columns, ""));
            } else if (block instanceof Block.Quote quote) {
                out.addAll(TextWrap.wrap("「" + quote.text() + "」", columns, "  "));
                if (!quote.gloss().isEmpty()) {
                    out.addAll(TextWrap.wrap(quote.gloss(), columns, "    "));
                }
                if (!quote.attribution().isEmpty()) {
                    out.addAll(TextWrap.wrap("— " + quote.attribution(), columns, "    "));
                }
            }
            out.add("");
        }
        for (Field field : reply.fields()) {
            out.addAll(TextWrap.wrap(field.name(), columns, ""));
            out.addAll(TextWrap.wrap(field.value(), columns, "  "));
        }
        if (!reply.buttons().isEmpty()) {
            out.add(messages.get("console.choices"));
            List<Button> buttons = reply.buttons();
            for (int i = 0; i < buttons.size(); i++) {
                out.addAll(TextWrap.wrap("[" + (i + 1) + "] " + buttons.get(i).label(), columns, "  "));
            }
        }
        if (!reply.footer().isEmpty()) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                out.add("");
            }
            out.addAll(TextWrap.wrap(reply.footer(), columns, ""));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private static String rule(int width) {
        return "-".repeat(Math.max(1, width));
    }
}
