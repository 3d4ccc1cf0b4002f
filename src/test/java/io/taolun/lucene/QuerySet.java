package io.taolun.lucene;

import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchHit;
import java.util.List;
import java.util.Set;

/**
 * Queries on the curated article with the paragraphs (line numbers) a reader would want for each, judged by reading
 * the article; shared by the quality test and the benchmark. An empty set means no paragraph is about the query, and
 * the right answer is none.
 */
final class QuerySet {
    /** A query and the lines that answer it. */
    record Judged(String query, Set<Integer> relevant) {
    }

    static final List<Judged> QUERIES = List.of(
            new Judged("卡脖子", Set.of(44, 46)),
            new Judged("东数西算", Set.of(51)),
            new Judged("标准石油", Set.of(34)),
            // 电力 / 电 / 电网 in the sense of electric power
            new Judged("electricity", Set.of(11, 13, 22, 23, 37, 45, 53)),
            new Judged("Microsoft", Set.of(30, 47)),
            // not in the article: large models are never mentioned
            new Judged("大模型", Set.of()),
            new Judged("OpenAI", Set.of(30)),
            new Judged("光刻机", Set.of(53)),
            new Judged("TPU", Set.of(32)),
            new Judged("Zuckerberg", Set.of(6, 7)),
            new Judged("芯片 电力", Set.of(11, 22, 45)),
            new Judged("新基建", Set.of(51, 62)),
            new Judged("Standard Oil", Set.of(34)),
            new Judged("弯道超车", Set.of(45)),
            new Judged("cooling", Set.of(13, 22, 31, 32)),
            new Judged("GPT-4", Set.of(11)),
            // the initiative named in line 60 (一带一路); "and" and 一 alone are noise
            new Judged("Belt and Road", Set.of(60)),
            // what Zuckerberg said: the slogan (6) and the line naming him as its author (7); 什么 and 了 ask, not name
            new Judged("扎克伯格说了什么", Set.of(6, 7)),
            // a Slack mention pasted into the query: no paragraph is about it
            new Judged("<@U123>", Set.of()),
            // the slogan in English: where the article quotes or turns on it
            new Judged("move fast and break things", Set.of(4, 6, 36)));

    private QuerySet() {
    }

    /**
     * Share of the first three hits that are relevant, averaged over the queries. A query with no relevant paragraph
     * scores 1 when nothing is returned and 0 otherwise; a query with fewer than three relevant paragraphs is not
     * penalised for the slots it could never fill.
     */
    static double precisionAt3(ArticleIndex index) {
        double sum = 0;
        for (Judged judged : QUERIES) {
            sum += precisionAt3(judged, index.search(judged.query(), 3));
        }
        return sum / QUERIES.size();
    }

    /**
     * Share of the paragraphs shown (up to five, as the command asks) that are relevant, averaged over the queries; a
     * query with no relevant paragraph scores 1 when nothing is shown and 0 otherwise. Padding an answer with noise
     * lowers it, which P@3 does not see when a query has fewer than three right paragraphs.
     */
    static double shownPrecision(ArticleIndex index) {
        double sum = 0;
        for (Judged judged : QUERIES) {
            List<SearchHit> hits = index.search(judged.query(), 5);
            if (judged.relevant().isEmpty() || hits.isEmpty()) {
                sum += judged.relevant().isEmpty() == hits.isEmpty() ? 1 : 0;
            } else {
                sum += (double) hits.stream().filter(h -> judged.relevant().contains(h.line())).count() / hits.size();
            }
        }
        return sum / QUERIES.size();
    }

    static double precisionAt3(Judged judged, List<SearchHit> hits) {
        if (judged.relevant().isEmpty()) {
            return hits.isEmpty() ? 1 : 0;
        }
        long right = hits.stream().filter(h -> judged.relevant().contains(h.line())).count();
        return (double) right / Math.min(3, judged.relevant().size());
    }
}
