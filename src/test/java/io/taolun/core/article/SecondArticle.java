package io.taolun.core.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test data: a second article with no sidecar, written for these tests. Twelve paragraphs with figures, a quoted
 * phrase, comparisons and a prediction, so every kind of automatic content has something to find.
 */
public final class SecondArticle {
    public static final String ID = "001_city_batteries";
    public static final String FIGURE = "去年全国储能电站新增装机超过2000万千瓦，投资额约300亿元。";
    public static final String PREDICTION = "业内预计，到2030年储能成本还将下降一半。";
    public static final String QUOTED = "先有电网，后有城市";
    public static final List<String> LINES = List.of(
            "城市电池：储能如何改变我们用电的方式",
            "",
            "过去十年，城市用电的难题一直是高峰与低谷之间的落差，白天电不够用，夜里电用不完。",
            "储能电站像一块巨大的电池，在夜里把电存起来，在白天把电送出去。",
            FIGURE,
            "这不再是实验室里的技术，而是正在进入每一个工业园区的基础设施。",
            "",
            "有工程师说过一句话：“" + QUOTED + "”。这句话如今正在被改写。",
            "储能让城市第一次可以先建设，再慢慢补齐电网的能力。",
            "当然，电池并不便宜，一座大型储能电站的造价往往比同等规模的燃气电站更高。",
            "电池的寿命也是问题！循环几千次之后，容量就会明显衰减。",
            "",
            PREDICTION,
            "未来，储能可能会像今天的光伏一样，成为城市电网的标准配置。",
            "政府的规划、企业的投资和居民的用电习惯，必须一起改变。",
            "储能的竞争，归根到底是电池材料和制造能力的竞争。",
            "",
            "目前，锂电池占新增储能的90%以上，钠电池和液流电池仍在追赶。",
            "谁能把成本降下来，谁就能赢得下一个十年。",
            "城市需要电池，电池也需要城市。");

    private SecondArticle() {
    }

    /** Writes the article as {@code <ID>.txt} into {@code dir}, with no sidecar. */
    public static Path writeInto(Path dir) {
        try {
            return Files.writeString(dir.resolve(ID + ".txt"), String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article loaded as the seeds loader would, seeing words as character pairs. */
    public static Article load(Path dir) {
        writeInto(dir);
        return new SeedLoader().load(dir).articles().stream().filter(a -> a.id().equals(ID)).findFirst()
                .orElseThrow();
    }
}
