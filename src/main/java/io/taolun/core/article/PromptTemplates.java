package io.taolun.core.article;

import java.util.List;

/**
 * The prompts of an automatic (uncurated) claim, by kind: a counter-example or the case against, the reader's own
 * experience, and what would change their mind. They name no span, so they fit any claim of the kind.
 */
final class PromptTemplates {
    private PromptTemplates() {
    }

    static List<Localized> of(ClaimKind kind) {
        return switch (kind) {
            case OPINION -> List.of(
                    new Localized("你能想到一个与这个观点相反的例子吗？", "Can you think of an example that goes against this view?"),
                    new Localized("在你自己的工作或生活中，这个观点成立吗？说说你见过的情况。",
                            "Does this view hold in your own work or life? Tell us what you have seen."),
                    new Localized("什么样的证据会让你改变对这个观点的看法？", "What evidence would change your mind about this view?"));
            case PREDICTION -> List.of(
                    new Localized("有什么会让这个预测落空？", "What could make this prediction fail?"),
                    new Localized("在你所在的行业或城市，已经能看到这种趋势的迹象了吗？",
                            "In your industry or city, can you already see signs of this?"),
                    new Localized("如果真的发生了，五年后最先受影响的会是谁？",
                            "If it does happen, who would feel it first, five years from now?"));
            case RECOMMENDATION -> List.of(
                    new Localized("照文中的建议去做，代价或风险是什么？有没有更好的做法？",
                            "Doing what the article recommends: what would it cost, or risk? Is there a better way?"),
                    new Localized("如果由你所在的团队或公司来做，第一步会是什么？",
                            "If your own team or company had to do this, what would the first step be?"),
                    new Localized("有没有哪个国家或行业已经这样做过？结果如何？",
                            "Has any country or industry already done this? How did it go?"));
            case FACT -> List.of(
                    new Localized("你会去哪里核实这个说法？找到的来源怎么说？",
                            "Where would you check this? What does the source you find say?"),
                    new Localized("文中的说法现在还成立吗，还是已经过时了？",
                            "Is what the article says still true today, or out of date?"));
        };
    }
}
