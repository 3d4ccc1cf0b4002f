package io.taolun.core.poll;

import io.taolun.core.ChatRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may open and close polls, and how long polls run.
 *
 * @param openers         everyone, or only admins, may open polls
 * @param admins          admin user ids per platform ({@code slack}, {@code discord}, {@code console})
 * @param defaultDuration how long a poll runs when no {@code --hours} is given
 * @param maxDuration     the longest {@code --hours} accepted
 */
public record PollPolicy(Openers openers, Map<String, Set<String>> admins, Duration defaultDuration,
        Duration maxDuration) {
    /** The opener of the polls the bot opens on a schedule (a weekly poll): edited by no one, closed by its run. */
    public static final String SCHEDULER = "taolun";


    /** Who may open polls. */
    public enum Openers {
        EVERYONE,
        ADMINS
    }

    public PollPolicy {
        Objects.requireNonNull(openers, "openers");
        admins = Map.copyOf(admins);
        Objects.requireNonNull(defaultDuration, "defaultDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (defaultDuration.isNegative() || defaultDuration.isZero() || defaultDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("default poll duration must be positive and at most the maximum");
        }
    }

    /** Listed as an admin in the config, or vouched for by the platform (Discord's Manage Server). */
    public boolean isAdmin(ChatRequest request) {
        return request.admin() || admins.getOrDefault(request.platform(), Set.of()).contains(request.user());
    }

    public boolean mayOpen(ChatRequest request) {
        return openers == Openers.EVERYONE || isAdmin(request);
    }

    public boolean mayClose(ChatRequest request, Poll poll) {
        boolean opener = poll.where().platform().equals(request.platform()) && poll.opener().equals(request.user());
        return opener || isAdmin(request);
    }
}
