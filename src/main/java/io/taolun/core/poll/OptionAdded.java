package io.taolun.core.poll;

import java.util.Objects;

/**
 * What became of a voter's option: added, or why not, decided under the poll's lock so that two voters adding at
 * once cannot pass the cap or add the same option twice.
 *
 * @param status what happened
 * @param poll   the poll as it is after (with the option when it was added)
 */
public record OptionAdded(Status status, Poll poll) {
    public enum Status {
        ADDED,
        /** the poll has {@link Poll#MAX_OPTIONS} options already */
        FULL,
        /** an option with the same label (ignoring case and spaces) is there already */
        DUPLICATE,
        /** the poll closed, or takes no voters' options */
        CLOSED
    }

    public OptionAdded {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(poll, "poll");
    }

    /**
     * Why the option cannot be added now, or null when it can: a voter's only to a poll that takes voters' options;
     * anyone's only while it is open, has room, and has no option of the same label.
     */
    public static Status refusal(Poll poll, String label, java.time.Instant at, boolean voter) {
        if (voter && !poll.openOptions() || !poll.isOpen(at)) {
            return Status.CLOSED;
        }
        if (poll.options().size() >= Poll.MAX_OPTIONS) {
            return Status.FULL;
        }
        boolean taken = poll.options().stream().anyMatch(o -> comparable(o.zh()).equals(comparable(label))
                || comparable(o.en()).equals(comparable(label)));
        return taken ? Status.DUPLICATE : null;
    }

    /** The label as two options are compared: case, width and runs of spaces ignored. */
    public static String comparable(String label) {
        return io.taolun.core.SafeText.halfWidth(label).strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
