package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.SafeText;
import io.taolun.core.article.Localized;
import io.taolun.core.article.Scale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** The option sets a poll can have: a claim's own answers, a named {@link Scale}, or 2 to 10 custom. */
public final class OptionSets {
    static final int MIN_CUSTOM = 2;
    /** The most options a poll can have (the custom sets; likert has 5, agree 3). */
    public static final int MAX_CUSTOM = io.taolun.core.PollLimits.MAX_OPTIONS;

    private static final List<PollOption> LIKERT = of(Scale.LIKERT.options());
    private static final List<PollOption> AGREE = of(Scale.AGREE.options());

    private OptionSets() {
    }

    /** The 5-point agreement scale, the default of every poll. */
    public static List<PollOption> likert() {
        return LIKERT;
    }

    /** A claim's answers as poll options, numbered from 1. */
    public static List<PollOption> of(List<Localized> answers) {
        List<PollOption> out = new ArrayList<>();
        for (Localized a : answers) {
            out.add(new PollOption(out.size() + 1, a.zh(), a.en()));
        }
        return List.copyOf(out);
    }

    /** A scale's name ({@code likert}, {@code agree}, {@code will}, ...), or custom labels separated by {@code |}. */
    /** Whether the options are one of the named scales (answers that exclude each other). */
    static boolean isScale(List<PollOption> options) {
        return java.util.Arrays.stream(Scale.values()).anyMatch(scale -> of(scale.options()).equals(options));
    }

    static List<PollOption> parse(String value) {
        String v = value.strip();
        java.util.Optional<Scale> scale = Scale.named(v);
        if (scale.isPresent()) {
            return of(scale.get().options());
        }
        if (!v.contains("|")) {
            throw new BadInputException("error.poll.options", SafeText.echo(v));
        }
        List<String> labels = Arrays.stream(v.split("\\|", -1)).map(String::strip).toList();
        if (labels.size() < MIN_CUSTOM || labels.size() > MAX_CUSTOM) {
            throw new BadInputException("error.poll.optionCount", labels.size(), MIN_CUSTOM, MAX_CUSTOM);
        }
        List<PollOption> options = new ArrayList<>();
        var seen = new HashSet<String>();
        for (String label : labels) {
            String clean = label(label);
            if (!seen.add(clean.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("error.poll.optionDuplicate", SafeText.echo(clean));
            }
            options.add(new PollOption(options.size() + 1, clean, clean));
        }
        return options;
    }

    /** An option's label as typed, made safe to show; refused when empty or longer than a button takes. */
    static String label(String typed) {
        String clean = SafeText.neutralize(SafeText.stripControls(typed)).strip().replaceAll("\\s+", " ");
        if (!SafeText.hasVisible(clean) || clean.length() > PollOption.MAX_LABEL) {
            throw new BadInputException("error.poll.optionLabel", PollOption.MAX_LABEL);
        }
        return clean;
    }

    /** The options a "share agreeing" summary adds up: the agreeing end of a known scale, else none. */
    static List<Integer> agreeing(List<PollOption> options) {
        if (options.equals(LIKERT)) {
            return List.of(1, 2);
        }
        if (options.equals(AGREE)) {
            return List.of(1);
        }
        return List.of();
    }
}
