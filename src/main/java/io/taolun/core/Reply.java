package io.taolun.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral answer. Handlers build one and return it; adapters turn it into Block Kit, an embed or plain
 * text and do the sending.
 *
 * @param title      a heading; empty for none
 * @param blocks     the body, in order
 * @param fields     short labelled values
 * @param buttons    buttons, in order (console: numbered choices)
 * @param attachment an optional file, such as a chart or a CSV export
 * @param footer     a line of small print, e.g. the section a quote comes from; empty for none
 * @param visibility who sees it
 * @param error      true when this answers bad input (adapters may style it as a warning)
 * @param form       a form to open for the user instead of showing the reply, where the platform has forms (a modal
 *                   opened from a button press); the reply itself is what a platform without them shows
 */
public record Reply(
        String title,
        List<Block> blocks,
        List<Field> fields,
        List<Button> buttons,
        Optional<Attachment> attachment,
        String footer,
        Visibility visibility,
        boolean error,
        Optional<Form> form) {

    /** A reply that opens no form. */
    public Reply(String title, List<Block> blocks, List<Field> fields, List<Button> buttons,
            Optional<Attachment> attachment, String footer, Visibility visibility, boolean error) {
        this(title, blocks, fields, buttons, attachment, footer, visibility, error, Optional.empty());
    }

    /** Opens a marked search hit inside a {@link Block.Text}. */
    public static final String MARK_OPEN = "【";
    /** Closes a marked search hit. */
    public static final String MARK_CLOSE = "】";

    public Reply {
        title = title == null ? "" : title;
        blocks = List.copyOf(blocks);
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
        Objects.requireNonNull(attachment, "attachment");
        footer = footer == null ? "" : footer;
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(form, "form");
    }

    /** Starts a reply that only the asker sees unless changed. */
    /**
     * The poll this reply shows with live vote buttons, in the channel: a poll message, which the core keeps current
     * once the adapter reports where it was posted.
     */
    public Optional<Long> pollShown() {
        if (visibility != Visibility.IN_CHANNEL || error) {
            return Optional.empty();
        }
        return buttons.stream().map(b -> VoteAction.parse(b.actionId())).flatMap(Optional::stream)
                .map(VoteAction::pollId).findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All the reply's text, for logs and tests. */
    public String plainText() {
        StringBuilder sb = new StringBuilder(title);
        for (Block block : blocks) {
            if (block instanceof Block.Text t) {
                sb.append('\n').append(t.text());
            } else if (block instanceof Block.Credit c) {
                sb.append('\n').append(c.before()).append('@').append(c.user()).append(c.after());
            } else if (block instanceof Block.People p) {
                sb.append('\n').append(p.users().stream().map(u -> "@" + u).collect(java.util.stream.Collectors.joining(" ")));
            } else if (block instanceof Block.Quote q) {
                sb.append('\n').append(q.text()).append('\n').append(q.gloss()).append('\n').append(q.attribution());
            }
        }
        fields.forEach(f -> sb.append('\n').append(f.name()).append(": ").append(f.value()));
        buttons.forEach(b -> sb.append('\n').append(b.label()));
        return sb.append('\n').append(footer).toString();
    }

    /** Collects the parts of a {@link Reply}. */
    public static final class Builder {
        private String title = "";
        private final List<Block> blocks = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();
        private Attachment attachment;
        private String footer = "";
        private Visibility visibility = Visibility.EPHEMERAL;
        private boolean error;
        private Form form;

        private Builder() {
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder text(String value) {
            blocks.add(new Block.Text(value));
            return this;
        }

        public Builder quote(String text, String gloss, String attribution) {
            blocks.add(new Block.Quote(text, gloss, attribution));
            return this;
        }

        public Builder field(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        public Builder button(String actionId, String label) {
            buttons.add(new Button(actionId, label));
            return this;
        }

        public Builder attach(Attachment value) {
            this.attachment = value;
            return this;
        }

        public Builder footer(String value) {
            this.footer = value;
            return this;
        }

        public Builder visibility(Visibility value) {
            this.visibility = value;
            return this;
        }

        public Builder error() {
            this.error = true;
            this.visibility = Visibility.EPHEMERAL;
            return this;
        }

        /** A form to open instead, where the platform can; the rest of the reply is shown where it cannot. */
        public Builder form(Form value) {
            this.form = value;
            return this;
        }

        public Builder credit(String before, String user, String after) {
            blocks.add(new Block.Credit(before, user, after));
            return this;
        }

        /** A line of users, e.g. who has not voted yet. */
        public Builder people(List<String> users) {
            blocks.add(new Block.People(users));
            return this;
        }

        public Reply build() {
            return new Reply(title, blocks, fields, buttons, Optional.ofNullable(attachment), footer, visibility, error,
                    Optional.ofNullable(form));
        }
    }
}
