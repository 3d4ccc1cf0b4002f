package io.taolun.core.search;

import java.util.regex.Pattern;

/**
 * What of a query can be searched: chat markup pasted into it (mentions {@code <@U123>}, {@code <@!123>},
 * channel links {@code <#C1|general>}, {@code <!here>}, custom emoji {@code <:name:123>}, timestamps
 * {@code <t:123:R>}, links {@code <https://…|label>}) and bare web addresses are taken out, so their ids are never
 * searched as digits. Used by the command and by every index, so both see the same words.
 */
public final class QueryText {
    private static final Pattern MARKUP = Pattern.compile(
            "<[@#!:][^<>]*>"                                  // Slack and Discord mentions, channels, emoji
            + "|<[A-Za-z][A-Za-z0-9+.-]*:[^<>]*>"             // <https://…|label>, <mailto:…>, <t:…>, <a:…>
            + "|(?i)\\b(?:https?://|ftp://|www\\.)\\S+"       // bare addresses
            + "|@(?:everyone|here|channel)\\b");

    private QueryText() {
    }

    /** The query with every piece of chat markup and every web address replaced by a space. */
    public static String withoutMarkup(String query) {
        return MARKUP.matcher(query).replaceAll(" ");
    }
}
