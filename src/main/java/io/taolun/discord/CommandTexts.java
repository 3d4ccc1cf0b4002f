package io.taolun.discord;

import io.taolun.core.Lang;
import io.taolun.core.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;

/**
 * The texts of the command tree, from the core's message bundles under JDA's localisation keys (see the comment in
 * {@code messages_en.properties}): the default descriptions and choice names, and their zh-CN, zh-TW, en-US and en-GB
 * localisations.
 *
 * <p>The default text is English although the bot's default language is Chinese: Discord shows it to every user whose
 * locale has no localisation, and the core answers exactly those users (any locale but Chinese) in English, so the
 * command list speaks the language its answers will. zh-TW gets the Chinese bundle's text, as the core's answers do.
 *
 * <p>Command, subcommand and option names are not localised: the help, the usage lines in replies and the docs name
 * them ({@code /article-admin poll claim:}), and a name that changed with the user's locale would no longer match.
 */
final class CommandTexts implements LocalizationFunction {
    /** The language of the unlocalised descriptions and choice names. */
    static final Lang DEFAULT = Lang.EN;
    /** Each locale localised, and the bundle it reads. */
    static final Map<DiscordLocale, Lang> LOCALES = Map.of(DiscordLocale.CHINESE_CHINA, Lang.ZH,
            DiscordLocale.CHINESE_TAIWAN, Lang.ZH, DiscordLocale.ENGLISH_US, Lang.EN, DiscordLocale.ENGLISH_UK, Lang.EN);

    private static final String OPTIONS = ".options.";

    /** Sets the default description of the command, its subcommands and their options, then its localisations. */
    SlashCommandData describe(SlashCommandData command) {
        String root = command.getName();
        command.setDescription(text(root + ".description", DEFAULT));
        for (SubcommandData sub : command.getSubcommands()) {
            String path = root + "." + sub.getName();
            sub.setDescription(text(path + ".description", DEFAULT));
            for (OptionData option : sub.getOptions()) {
                option.setDescription(text(path + OPTIONS + option.getName() + ".description", DEFAULT));
            }
        }
        return command.setLocalizationFunction(this);
    }

    /** The default name of a choice of {@code option} in {@code path} ({@code command.subcommand}). */
    String choiceName(String path, String option, String value) {
        return text(path + OPTIONS + option + ".choices." + value + ".name", DEFAULT);
    }

    @Override
    public Map<DiscordLocale, String> apply(String key) {
        if (key.endsWith(".name") && !key.contains(".choices.")) {
            return Map.of();
        }
        Map<DiscordLocale, String> out = new LinkedHashMap<>();
        LOCALES.forEach((locale, lang) -> out.put(locale, text(key, lang)));
        return out;
    }

    /**
     * The text for a JDA localisation key: its own ({@code discord.cmd.<key>}), or for an option or a choice the one
     * shared by every option of that name ({@code discord.option.<option>...}). A key with neither is a bug and fails
     * when the tree is built, that is in tests.
     */
    static String text(String key, Lang lang) {
        Messages m = Messages.of(lang);
        String own = "discord.cmd." + key;
        if (m.has(own)) {
            return m.get(own);
        }
        // the first: an option may be called options itself
        int at = key.indexOf(OPTIONS);
        if (at >= 0) {
            String shared = "discord.option." + key.substring(at + OPTIONS.length());
            if (m.has(shared)) {
                return m.get(shared);
            }
        }
        throw new IllegalStateException("no Discord command text '" + key + "' in " + lang.code());
    }
}
