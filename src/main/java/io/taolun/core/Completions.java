package io.taolun.core;

import java.util.List;
import java.util.Objects;

/**
 * What a platform offers while a user types an option of {@code /article} (Discord's autocomplete): the sections,
 * claims, quotes or open polls of the channel's article, the library's articles, or time zones.
 */
public interface Completions {
    /** At most this many choices are offered (Discord's limit). */
    int MAX_CHOICES = 25;

    /**
     * One choice.
     *
     * @param name   what the user sees, at most 100 characters
     * @param value  what is sent when it is picked
     * @param number whether the value is a whole number (a section or a poll id), for options typed as integers
     */
    record Choice(String name, String value, boolean number) {
        public Choice {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (number && !value.matches("\\d{1,18}")) {
                throw new IllegalArgumentException("not a whole number: " + value);
            }
        }
    }

    /** The choices for {@code option}, given what was typed so far, in the user's language. Never throws. */
    List<Choice> choices(ChannelRef where, String option, String typed, Lang lang);

    /**
     * Every claim of the channel's article, in its order, named in the user's language (a form's claim picker, which
     * holds more than {@link #MAX_CHOICES}). Never throws.
     */
    List<Choice> claims(ChannelRef where, Lang lang);

    /** The most sections an article of the library has: the bound of a {@code section} option. */
    int mostSections();
}
