package io.taolun.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
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
 * defaults to members with Manage Server (and the adapter checks again, since guilds can override it).
 */
final class CommandTree {
    static final String ARTICLE = "article";
    static final String ADMIN = "article-admin";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    static final Set<String> SHAREABLE = Set.of("about", "section", "summary", "quote", "claims", "search", "results",
            "history", "list");

    private CommandTree() {
    }

    static List<SlashCommandData> commands() {
        SlashCommandData article = Commands.slash(ARTICLE, "Read and discuss the article / 阅读并讨论文章")
                .setContexts(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD)
                .addSubcommands(
                        sub("help", "Every command"),
                        sub("about", "Title, source, date, sections"),
                        sub("section", "One section's text")
                                .addOption(OptionType.INTEGER, "section", "Section", true, true),
                        sub("summary", "The article in brief, or one section")
                                .addOption(OptionType.INTEGER, "section", "Section", false, true),
                        sub("quote", "A line of the article")
                                .addOption(OptionType.STRING, "which", "today, random or a number", false, true),
                        sub("claims", "The claims polls are about")
                                .addOption(OptionType.INTEGER, "section", "Section", false, true),
                        sub("search", "Find words in the text")
                                .addOption(OptionType.STRING, "query", "Words to find", true),
                        sub("discuss", "What do you think? / 你觉得呢?"),
                        sub("vote", "Vote on a poll")
                                .addOption(OptionType.INTEGER, "poll", "Poll id", true)
                                .addOption(OptionType.INTEGER, "option", "Option number", true),
                        sub("results", "A poll's results")
                                .addOption(OptionType.INTEGER, "poll", "Poll id (default: the newest here)", false),
                        sub("polls", "Open polls in this channel"),
                        sub("history", "Every poll on a claim")
                                .addOption(OptionType.STRING, "claim", "Claim", true, true),
                        sub("export", "A poll's counts as CSV")
                                .addOption(OptionType.INTEGER, "poll", "Poll id", true),
                        sub("schedule-list", "Weekly polls and quotes of the day scheduled here"),
                        sub("list", "Every article of the library, and the one this channel discusses"));
        for (SubcommandData sub : article.getSubcommands()) {
            if (SHAREABLE.contains(sub.getName())) {
                sub.addOption(OptionType.BOOLEAN, "share", "Post the answer to the channel", false);
            }
        }
        SlashCommandData admin = Commands.slash(ADMIN, "Open and close polls (Manage Server)")
                .setContexts(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        sub("poll", "Open a poll on a claim or a question")
                                .addOption(OptionType.STRING, "claim", "Claim", false, true)
                                .addOption(OptionType.STRING, "question", "Your own question", false)
                                .addOption(OptionType.STRING, "options", "likert, agree, or A|B|C", false)
                                .addOption(OptionType.INTEGER, "hours", "Hours until it closes", false)
                                .addOption(OptionType.BOOLEAN, "hidden", "Show results only when closed", false)
                                .addOption(OptionType.BOOLEAN, "public", "Voters visible in exports", false),
                        sub("close", "Close a poll")
                                .addOption(OptionType.INTEGER, "poll", "Poll id", true),
                        sub("schedule-weekly-poll", "Post a poll on the next claim every week here")
                                .addOptions(new OptionData(OptionType.STRING, "day", "Weekday", true)
                                        .addChoices(DAYS.stream().map(d -> new Command.Choice(d, d)).toList()))
                                .addOption(OptionType.STRING, "time", "Local time, HH:MM (24 h)", true)
                                .addOption(OptionType.STRING, "zone", "IANA time zone, e.g. Asia/Shanghai", true)
                                .addOption(OptionType.STRING, "close-after", "How long it stays open: 1h to 7d "
                                        + "(default 6d)", false),
                        sub("schedule-qotd", "Post a quote of the day here")
                                .addOption(OptionType.STRING, "time", "Local time, HH:MM (24 h)", true)
                                .addOption(OptionType.STRING, "zone", "IANA time zone, e.g. Asia/Shanghai", true),
                        sub("schedule-off", "Turn a schedule off")
                                .addOption(OptionType.INTEGER, "id", "Schedule id (see schedule-list)", true),
                        sub("use", "Make this channel discuss another article of the library")
                                .addOption(OptionType.STRING, "article", "Article id (see /article list)", true, true));
        return List.of(article, admin);
    }

    /** Whether the answer goes to the channel: polls, closes, discuss, and anything shared. */
    static boolean isPublic(CommandInteractionPayload command) {
        String sub = command.getSubcommandName() == null ? "" : command.getSubcommandName();
        OptionMapping share = command.getOption("share");
        return Set.of("poll", "close", "discuss", "schedule-weekly-poll", "schedule-qotd", "schedule-off", "use").contains(sub) || (share != null && share.getAsBoolean());
    }

    /** The core's command text for a slash command, e.g. {@code section 3 --share}. */
    static String text(CommandInteractionPayload command) {
        String sub = command.getSubcommandName() == null ? "help" : command.getSubcommandName();
        List<String> words = new ArrayList<>(List.of(sub));
        switch (sub) {
            case "section", "summary", "claims" -> add(words, command, "section");
            case "quote" -> add(words, command, "which");
            case "search" -> plain(words, command, "query");
            case "vote" -> {
                add(words, command, "poll");
                add(words, command, "option");
            }
            case "results", "export", "close" -> add(words, command, "poll");
            case "history" -> plain(words, command, "claim");
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
            }
            case "poll" -> {
                plain(words, command, "claim");
                quoted(words, command, "question");
                quoted(words, command, "options");
                OptionMapping hours = command.getOption("hours");
                if (hours != null) {
                    words.add("--hours");
                    words.add(hours.getAsString());
                }
                flag(words, command, "hidden", "--hidden");
                flag(words, command, "public", "--public");
            }
            default -> {
                // no options
            }
        }
        flag(words, command, "share", "--share");
        return String.join(" ", words);
    }

    private static SubcommandData sub(String name, String description) {
        return new SubcommandData(name, description);
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

    private static void flag(List<String> words, CommandInteractionPayload command, String option, String flag) {
        OptionMapping value = command.getOption(option);
        if (value != null && value.getAsBoolean()) {
            words.add(flag);
        }
    }
}
