package io.taolun.discord;

import io.taolun.core.Completions;
import io.taolun.core.PollLimits;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The Discord command tree and its translation to the core's command text. Discord sets permissions per top-level
 * command, not per subcommand, so the subcommands that open or close polls live under {@code /article-admin}, which
 * defaults to members with Manage Server (and the adapter checks again, since guilds can override it). Integer options
 * are bounded by what the core accepts; texts come from the bundles through {@link CommandTexts}.
 */
final class CommandTree {
    static final String ARTICLE = "article";
    static final String ADMIN = "article-admin";
    /** The values of {@code day}: full English names, which the core reads as well as {@code mon}. */
    static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
            .toList();
    static final Set<String> SHAREABLE = Set.of("about", "section", "summary", "quote", "claims", "search", "results",
            "history", "report", "list");
    /** How a weekly poll picks its claim: the words {@code schedule weekly-poll --pick} takes. */
    private static final List<String> PICKS = List.of("mixed", "undiscussed", "divisive", "order");
    /** Ids (polls, schedules) are positive; Discord's integers end at 2^53 - 1. */
    static final long MAX_ID = (long) OptionData.MAX_POSITIVE_NUMBER;
    /** Every description is set from the bundles by {@link CommandTexts#describe}; JDA wants one to begin with. */
    private static final String LATER = "-";

    /**
     * The bounds of the integer options, from what the core accepts.
     *
     * @param sections  the most sections an article of the library has
     * @param pollHours the longest poll, in hours ({@code polls.maxHours})
     */
    record Limits(int sections, long pollHours) {
        Limits {
            if (sections < 1 || pollHours < 1) {
                throw new IllegalArgumentException("limits must be positive: " + sections + ", " + pollHours);
            }
        }

        static Limits of(Completions completions, Duration longestPoll) {
            return new Limits(completions.mostSections(), Math.max(1, longestPoll.toHours()));
        }
    }

    private CommandTree() {
    }

    static List<SlashCommandData> commands(Limits limits) {
        CommandTexts texts = new CommandTexts();
        SlashCommandData article = Commands.slash(ARTICLE, LATER)
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        sub("help"),
                        sub("about"),
                        sub("section").addOptions(section(limits, true), flag("zh")),
                        sub("summary").addOptions(section(limits, false)),
                        sub("quote").addOptions(string("which", false, true)),
                        sub("claims").addOptions(section(limits, false)),
                        sub("search").addOptions(string("query", true, false)),
                        sub("discuss"),
                        sub("vote").addOptions(pollId(true),
                                new OptionData(OptionType.INTEGER, "option", LATER, true)
                                        .setRequiredRange(1, PollLimits.MAX_OPTIONS)),
                        sub("add-option").addOptions(pollId(true), string("option", true, false)
                                .setMaxLength(io.taolun.core.poll.PollOption.MAX_LABEL)),
                        sub("results").addOptions(pollId(false)),
                        sub("polls"),
                        sub("history").addOptions(string("claim", true, true)),
                        sub("report").addOptions(string("period", false, false).addChoices(
                                Stream.of("week", "month", "all").map(v -> new Command.Choice(
                                        texts.choiceName(ARTICLE + ".report", "period", v), v)).toList()),
                                flag("csv")),
                        sub("export").addOptions(pollId(true)),
                        sub("schedule-list"),
                        sub("list"));
        for (SubcommandData sub : article.getSubcommands()) {
            if (SHAREABLE.contains(sub.getName())) {
                sub.addOptions(flag("share"));
            }
        }
        String weekly = ADMIN + ".schedule-weekly-poll";
        SlashCommandData admin = Commands.slash(ADMIN, LATER)
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        sub("poll").addOptions(
                                string("claim", false, true),
                                string("question", false, false).setMaxLength(PollLimits.MAX_QUESTION),
                                string("options", false, false),
                                new OptionData(OptionType.INTEGER, "hours", LATER, false)
                                        .setRequiredRange(1, limits.pollHours()),
                                flag("hidden"),
                                flag("public"),
                                new OptionData(OptionType.INTEGER, "rounds", LATER, false).setRequiredRange(1, 2),
                                new OptionData(OptionType.INTEGER, "max", LATER, false)
                                        .setRequiredRange(2, io.taolun.core.PollLimits.MAX_OPTIONS),
                                flag("open")),
                        sub("close").addOptions(pollId(true)),
                        sub("edit").addOptions(pollId(true),
                                string("question", false, false).setMaxLength(PollLimits.MAX_QUESTION),
                                string("options", false, false),
                                new OptionData(OptionType.INTEGER, "hours", LATER, false)
                                        .setRequiredRange(1, limits.pollHours()),
                                string("add", false, false)
                                        .setMaxLength(io.taolun.core.poll.PollOption.MAX_LABEL),
                                new OptionData(OptionType.INTEGER, "remove", LATER, false)
                                        .setRequiredRange(1, PollLimits.MAX_OPTIONS),
                                flag("confirm")),
                        sub("delete").addOptions(pollId(true), flag("confirm")),
                        sub("round").addOptions(pollId(true),
                                new OptionData(OptionType.INTEGER, "hours", LATER, false)
                                        .setRequiredRange(1, limits.pollHours())),
                        sub("schedule-weekly-poll").addOptions(
                                string("day", true, false).addChoices(DAYS.stream()
                                        .map(d -> new Command.Choice(texts.choiceName(weekly, "day", d), d)).toList()),
                                string("time", true, false),
                                string("zone", true, true),
                                string("close-after", false, false),
                                new OptionData(OptionType.INTEGER, "rounds", LATER, false).setRequiredRange(1, 2),
                                string("round-two-after", false, false),
                                string("pick", false, false).addChoices(PICKS.stream().map(p ->
                                        new Command.Choice(texts.choiceName(weekly, "pick", p), p)).toList())),
                        sub("schedule-qotd").addOptions(string("time", true, false), string("zone", true, true)),
                        sub("schedule-off").addOptions(new OptionData(OptionType.INTEGER, "id", LATER, true)
                                .setRequiredRange(1, MAX_ID)),
                        sub("use").addOptions(string("article", true, true)));
        return List.of(texts.describe(article), texts.describe(admin));
    }

    private static SubcommandData sub(String name) {
        return new SubcommandData(name, LATER);
    }

    private static OptionData string(String name, boolean required, boolean autocomplete) {
        return new OptionData(OptionType.STRING, name, LATER, required, autocomplete);
    }

    private static OptionData flag(String name) {
        return new OptionData(OptionType.BOOLEAN, name, LATER, false);
    }

    /** A section number, with autocomplete listing the channel's article's sections. */
    private static OptionData section(Limits limits, boolean required) {
        return new OptionData(OptionType.INTEGER, "section", LATER, required, true)
                .setRequiredRange(1, limits.sections());
    }

    /** A poll id, with autocomplete listing the polls open in the channel. */
    private static OptionData pollId(boolean required) {
        return new OptionData(OptionType.INTEGER, "poll", LATER, required, true).setRequiredRange(1, MAX_ID);
    }

    /** Whether the answer goes to the channel: polls, closes, discuss, and anything shared. */
    static boolean isPublic(CommandInteractionPayload command) {
        String sub = command.getSubcommandName() == null ? "" : command.getSubcommandName();
        OptionMapping share = command.getOption("share");
        return Set.of("poll", "close", "round", "discuss", "schedule-weekly-poll", "schedule-qotd", "schedule-off", "use").contains(sub) || (share != null && share.getAsBoolean());
    }

    /** The core's command text for a slash command, e.g. {@code section 3 --share}. */
    static String text(CommandInteractionPayload command) {
        String sub = command.getSubcommandName() == null ? "help" : command.getSubcommandName();
        List<String> words = new ArrayList<>(List.of(sub));
        switch (sub) {
            case "section" -> {
                add(words, command, "section");
                flag(words, command, "zh", "--zh");
            }
            case "summary", "claims" -> add(words, command, "section");
            case "quote" -> add(words, command, "which");
            case "search" -> plain(words, command, "query");
            case "vote" -> {
                add(words, command, "poll");
                add(words, command, "option");
            }
            case "results", "export", "close" -> add(words, command, "poll");
            case "round" -> {
                add(words, command, "poll");
                integerOption(words, command, "hours");
            }
            case "history" -> plain(words, command, "claim");
            case "report" -> {
                add(words, command, "period");
                flag(words, command, "csv", "--csv");
            }
            case "use" -> plain(words, command, "article");
            case "schedule-list" -> words.set(0, "schedule list");
            case "schedule-off" -> {
                words.set(0, "schedule off");
                add(words, command, "id");
            }
            case "schedule-qotd", "schedule-weekly-poll" -> {
                words.set(0, "schedule " + sub.substring("schedule-".length()));
                add(words, command, "day");
                plain(words, command, "time");
                plain(words, command, "zone");
                OptionMapping closeAfter = command.getOption("close-after");
                if (closeAfter != null) {
                    words.add("--close-after");
                    plain(words, command, "close-after");
                }
                integerOption(words, command, "rounds");
                OptionMapping roundTwoAfter = command.getOption("round-two-after");
                if (roundTwoAfter != null) {
                    words.add("--round-two-after");
                    plain(words, command, "round-two-after");
                }
                OptionMapping pick = command.getOption("pick");
                if (pick != null) {
                    words.add("--pick");
                    plain(words, command, "pick");
                }
            }
            case "poll" -> {
                plain(words, command, "claim");
                quoted(words, command, "question");
                quoted(words, command, "options");
                integerOption(words, command, "hours");
                flag(words, command, "hidden", "--hidden");
                flag(words, command, "public", "--public");
                integerOption(words, command, "rounds");
                integerOption(words, command, "max");
                flag(words, command, "open", "--open");
            }
            case "edit" -> {
                add(words, command, "poll");
                quoted(words, command, "question");
                quoted(words, command, "options");
                integerOption(words, command, "hours");
                quoted(words, command, "add");
                integerOption(words, command, "remove");
                flag(words, command, "confirm", "--confirm");
            }
            case "delete" -> {
                add(words, command, "poll");
                flag(words, command, "confirm", "--confirm");
            }
            case "add-option" -> {
                add(words, command, "poll");
                OptionMapping option = command.getOption("option");
                if (option != null) {
                    words.add("\"" + option.getAsString().replace('"', '\'') + "\"");
                }
            }
            default -> {
                // no options
            }
        }
        flag(words, command, "share", "--share");
        return String.join(" ", words);
    }

    private static void add(List<String> words, CommandInteractionPayload command, String option) {
        OptionMapping value = command.getOption(option);
        if (value != null) {
            words.add(value.getAsString());
        }
    }

    /**
     * Free text passed on as words, never as options or quotes: double quotes become spaces and a leading
     * {@code --} is dropped, so a query cannot switch the language or break the command.
     */
    private static void plain(List<String> words, CommandInteractionPayload command, String option) {
        OptionMapping value = command.getOption(option);
        if (value != null) {
            for (String word : value.getAsString().replace('"', ' ').replace('“', ' ').strip().split("\\s+")) {
                String clean = word.replaceFirst("^-+", "");
                if (!clean.isEmpty()) {
                    words.add(clean);
                }
            }
        }
    }

    /** A free-text value as one quoted word for the core (its own double quotes become single ones). */
    private static void quoted(List<String> words, CommandInteractionPayload command, String option) {
        OptionMapping value = command.getOption(option);
        if (value != null) {
            words.add("--" + option);
            words.add("\"" + value.getAsString().replace('"', '\'') + "\"");
        }
    }

    /** An integer option passed on as {@code --<option> N}. */
    private static void integerOption(List<String> words, CommandInteractionPayload command, String option) {
        OptionMapping value = command.getOption(option);
        if (value != null) {
            words.add("--" + option);
            words.add(value.getAsString());
        }
    }

    private static void flag(List<String> words, CommandInteractionPayload command, String option, String flag) {
        OptionMapping value = command.getOption(option);
        if (value != null && value.getAsBoolean()) {
            words.add(flag);
        }
    }
}
