package io.taolun.core;

import java.util.Objects;

/**
 * A form of one line of text, opened for the one user who pressed a button: a Slack modal, a Discord modal. Its
 * submission comes back to the core as the action {@link Action#submitted} makes of {@link #action} and the text.
 * A platform without forms (the console) shows the reply's text instead, which says what to type.
 *
 * @param action      the value the submission is read back from, e.g. {@code add-option 12}
 * @param title       the form's title: at most {@link #MAX_TITLE} characters (Slack's limit)
 * @param label       the text field's label: at most {@link #MAX_LABEL} (Discord's limit)
 * @param placeholder a hint inside the empty field, or empty
 * @param maxLength   the longest text the field takes
 * @param submit      the submit button's label: at most {@link #MAX_TITLE} characters
 */
public record Form(String action, String title, String label, String placeholder, int maxLength, String submit) {
    public static final int MAX_TITLE = 24;
    public static final int MAX_LABEL = 45;

    public Form {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(submit, "submit");
        placeholder = placeholder == null ? "" : placeholder;
        if (action.isBlank() || action.length() > 100) {
            throw new IllegalArgumentException("a form's action must be 1 to 100 characters");
        }
        if (title.isBlank() || title.length() > MAX_TITLE || label.isBlank() || label.length() > MAX_LABEL
                || placeholder.length() > 100
                || submit.isBlank() || submit.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a form's title, label or placeholder is too long: " + title);
        }
        if (maxLength < 1 || maxLength > 4000) {
            throw new IllegalArgumentException("a form's field takes 1 to 4000 characters");
        }
    }
}
