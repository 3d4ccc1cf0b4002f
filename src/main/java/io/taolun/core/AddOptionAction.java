package io.taolun.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A voter adding an option to a poll open to voters' options: first the press of the poll's "add an option" button
 * (no text yet: the core answers with a {@link Form}), then the form's submission with the option typed.
 *
 * @param pollId the poll
 * @param typed  the option as typed in the form; empty for the button's press
 */
public record AddOptionAction(long pollId, Optional<String> typed) implements Action {
    /** The subcommand word: a press's value is the command a console user types, {@code add-option 12}. */
    public static final String COMMAND = "add-option";
    private static final Pattern VALUE = Pattern.compile(COMMAND + " (\\d{1,18})");

    public AddOptionAction {
        if (pollId < 1) {
            throw new IllegalArgumentException("poll id must be positive");
        }
        Objects.requireNonNull(typed, "typed");
    }

    @Override
    public String value() {
        return COMMAND + " " + pollId;
    }

    /** The same action with the text a form's field was submitted with. */
    public AddOptionAction typing(String text) {
        return new AddOptionAction(pollId, Optional.of(text == null ? "" : text));
    }

    /** Reads a button's or form's value ({@code add-option <poll>}); anything else is empty. */
    public static Optional<AddOptionAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = VALUE.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long poll = Long.parseLong(m.group(1));
        return poll < 1 ? Optional.empty() : Optional.of(new AddOptionAction(poll, Optional.empty()));
    }
}
