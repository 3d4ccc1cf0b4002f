package io.taolun.web;

import java.util.Map;

/** The pages' own words, in the page's language; the article's text is shown in its own. */
final class WebText {
    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("library", "文章库"),
            Map.entry("source", "来源："),
            Map.entry("thesis", "主旨"),
            Map.entry("showEnglish", "显示英文译文"),
            Map.entry("noTranslation", "这篇文章没有英文译文。"),
            Map.entry("sections", "章节"),
            Map.entry("claims", "观点"),
            Map.entry("quotes", "引文"),
            Map.entry("latestPoll", "最新投票："),
            Map.entry("noPoll", "还没有投票"),
            Map.entry("hiddenResults", "结果在截止后公布"),
            Map.entry("votes", "票"),
            Map.entry("closing", "文章最后问道"),
            Map.entry("line", "第 {0} 行"),
            Map.entry("poll", "投票"),
            Map.entry("open", "进行中"),
            Map.entry("closed", "已截止"),
            Map.entry("hidden", "进行中，结果在截止后公布"),
            Map.entry("round1", "第一轮"),
            Map.entry("round2", "第二轮（讨论之后）"),
            Map.entry("total", "共 {0} 票"),
            Map.entry("readArticle", "阅读全文："),
            Map.entry("anonymous", "投票者的身份从不显示。本页每隔几秒自动更新计票。"),
            Map.entry("otherLang", "English"),
            Map.entry("notFound", "找不到这个页面。"),
            Map.entry("counts", "{0} 个章节 · {1} 个观点 · {2} 条引文"),
            Map.entry("totalOne", "共 1 票"),
            Map.entry("totalSeveral", "{0} 人投票，共 {1} 个选择 · 每人最多 {2} 项"),
            Map.entry("severalNote", "百分比是选了这一项的人占投票人数的比例；每人可选多项，各项相加可超过 100%。"),
            Map.entry("tied", "{0} 各 {1}%"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("library", "Library"),
            Map.entry("source", "Source: "),
            Map.entry("thesis", "Thesis"),
            Map.entry("showEnglish", "Show the English translation"),
            Map.entry("noTranslation", "This article has no English translation."),
            Map.entry("sections", "Sections"),
            Map.entry("claims", "Claims"),
            Map.entry("quotes", "Quotes"),
            Map.entry("latestPoll", "Latest poll: "),
            Map.entry("noPoll", "no poll yet"),
            Map.entry("hiddenResults", "results shown when it closes"),
            Map.entry("votes", "votes"),
            Map.entry("closing", "The article ends by asking"),
            Map.entry("line", "line {0}"),
            Map.entry("poll", "Poll"),
            Map.entry("open", "open"),
            Map.entry("closed", "closed"),
            Map.entry("hidden", "open, results shown when it closes"),
            Map.entry("round1", "Round 1"),
            Map.entry("round2", "Round 2 (after the discussion)"),
            Map.entry("total", "{0} votes"),
            Map.entry("readArticle", "Read the article: "),
            Map.entry("anonymous", "Voters are never shown. The tally on this page refreshes every few seconds."),
            Map.entry("otherLang", "中文"),
            Map.entry("notFound", "There is no such page."),
            Map.entry("counts", "{0} sections · {1} claims · {2} quotes"),
            Map.entry("totalOne", "1 vote"),
            Map.entry("totalSeveral", "Voters: {0} · choices: {1} · up to {2} each"),
            Map.entry("severalNote", "Each percentage is the share of voters who chose that option; voters may "
                    + "choose several, so they can add up to more than 100%."),
            Map.entry("tied", "{0}, {1}% each"));

    private WebText() {
    }

    static Map<String, String> of(boolean english) {
        return english ? EN : ZH;
    }

    /** "共 3 票" / "3 votes", and "1 vote". */
    static String total(boolean english, int votes) {
        return votes == 1 ? of(english).get("totalOne") : format(english, "total", votes);
    }

    /** A text with its {0}, {1}... filled in (plain replacement: no MessageFormat quoting rules). */
    static String format(boolean english, String key, Object... args) {
        String text = of(english).get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
