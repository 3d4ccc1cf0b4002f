package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.SafeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** The option sets a poll can have: the 5-point scale (default), agree / disagree / unsure, or 2 to 10 custom. */
public final class OptionSets {
    static final int MIN_CUSTOM = 2;
    /** The most options a poll can have (the custom sets; likert has 5, agree 3). */
    public static final int MAX_CUSTOM = 10;

    private static final List<PollOption> LIKERT = List.of(
            new PollOption(1, "强烈同意", "Strongly agree"),
            new PollOption(2, "同意", "Agree"),
            new PollOption(3, "中立", "Neutral"),
            new PollOption(4, "不同意", "Disagree"),
            new PollOption(5, "强烈反对", "Strongly disagree"));

    private static final List<PollOption> AGREE = List.of(
            new PollOption(1, "同意", "Agree"),
            new PollOption(2, "不同意", "Disagree"),
            new PollOption(3, "不确定", "Unsure"));

    private OptionSets() {
    }

    /** The 5-point agreement scale, the default of every poll. */
    public static List<PollOption> likert() {
        return LIKERT;
    }

    /** {@code likert}, {@code agree}, or custom labels separated by {@code |}. */
    static List<PollOption> parse(String value) {
        String v = value.strip();
        if (v.toLowerCase(Locale.ROOT).equals("likert")) {
            return LIKERT;
        }
        if (v.toLowerCase(Locale.ROOT).equals("agree")) {
            return AGREE;
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
            String clean = SafeText.neutralize(SafeText.stripControls(label)).strip();
            if (!SafeText.hasVisible(clean) || clean.length() > PollOption.MAX_LABEL) {
                throw new BadInputException("error.poll.optionLabel", PollOption.MAX_LABEL);
            }
            if (!seen.add(clean.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("error.poll.optionDuplicate", SafeText.echo(clean));
            }
            options.add(new PollOption(options.size() + 1, clean, clean));
        }
        return options;
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
