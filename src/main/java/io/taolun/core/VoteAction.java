package io.taolun.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A press of a poll's vote button.
 *
 * @param pollId  the poll, global across articles and platforms
 * @param option  the option's number, from 1
 * @param pressed the posted message whose button was pressed, when the platform says which: the core keeps that
 *                message's tally current
 */
public record VoteAction(long pollId, int option, Optional<PressedMessage> pressed) implements Action {
    /** The most options a poll can have is far below this; a larger number is not a vote button of ours. */
    static final int MAX_OPTION = 99;
    private static final Pattern VALUE = Pattern.compile("vote (\\d{1,18}) (\\d{1,2})");

    /**
     * A posted message a vote button was pressed on.
     *
     * @param messageId the platform's id of the message (a Slack {@code ts}, a Discord snowflake)
     * @param locale    the language the message is shown in to the channel (a Discord guild's locale); empty when
     *                  the platform does not say, then the channel's configured language is used
     */
    public record PressedMessage(String messageId, String locale) {
        public PressedMessage {
            if (messageId == null || messageId.isBlank() || messageId.length() > 100) {
                throw new IllegalArgumentException("message id must be 1 to 100 characters");
            }
            locale = locale == null ? "" : locale;
        }
    }

    public VoteAction {
        if (pollId < 1) {
            throw new IllegalArgumentException("poll id must be positive");
        }
        if (option < 1 || option > MAX_OPTION) {
            throw new IllegalArgumentException("option must be 1 to " + MAX_OPTION);
        }
        pressed = pressed == null ? Optional.empty() : pressed;
    }

    public VoteAction(long pollId, int option) {
        this(pollId, option, Optional.empty());
    }

    /** The button's value for this vote. */
    @Override
    public String value() {
        return "vote " + pollId + " " + option;
    }

    /** The same vote, pressed on that message. */
    public VoteAction on(String messageId, String locale) {
        return new VoteAction(pollId, option, Optional.of(new PressedMessage(messageId, locale)));
    }

    /** Reads a vote button's value ({@code vote <poll> <option>}); anything else is empty. */
    public static Optional<VoteAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = VALUE.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long poll = Long.parseLong(m.group(1));
        int option = Integer.parseInt(m.group(2));
        return poll < 1 || option < 1 ? Optional.empty() : Optional.of(new VoteAction(poll, option));
    }
}
