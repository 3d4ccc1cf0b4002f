package io.taolun.core.poll;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an opener or admin asks to change in a poll, as parsed from {@code edit <poll-id> [options]}: a new question
 * and options (only before anyone voted), a new deadline in hours from now (once votes came, only later), an option
 * to add, an option to remove (one with votes only when {@code confirmed}).
 */
public record PollEdit(Optional<String> question, List<PollOption> options, Optional<Duration> hours,
        Optional<String> add, Optional<Integer> remove, boolean confirmed) {
    public PollEdit {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(remove, "remove");
    }

    /** Whether it asks for any change at all. */
    public boolean isEmpty() {
        return question.isEmpty() && options.isEmpty() && hours.isEmpty() && add.isEmpty() && remove.isEmpty();
    }
}
