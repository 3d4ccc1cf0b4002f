package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.nlp.HanLpSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 将 as the future adverb or as the disposal marker, told apart by HanLP's tags on the seed article's own sentences. */
final class ModalityTest {
    private static final Modality HANLP = new Modality(new HanLpSegmenter());
    private static List<String> seed;

    @BeforeAll
    static void readTheSeedText() throws IOException {
        seed = Files.readAllLines(Path.of("seeds/000_a8e75d267bb866eb.txt"));
    }

    /** The sentence of a seed line that holds these words. */
    private static String sentence(int line, String words) {
        Section any = new Section("s1", 1, Localized.both("t"), 1, 999, java.util.Optional.empty());
        return Sentence.split(line, seed.get(line - 1), any).stream().map(Sentence::text)
                .filter(t -> t.contains(words)).findFirst().orElseThrow();
    }

    @Test
    void jiang_before_an_object_and_then_a_verb_is_not_the_future() {
        // GIVEN the seed's 将…纳入 (L51) and 需要将…组织起来 (L48)
        String into = sentence(51, "纳入");
        String organise = sentence(48, "组织起来");

        // WHEN HanLP's tags are read / THEN neither looks ahead
        assertThat(HANLP.predicts(into)).isFalse();
        assertThat(HANLP.predicts(organise)).isFalse();
    }

    @Test
    void jiang_before_a_verb_and_weilai_opening_a_clause_are_the_future() {
        // GIVEN a forecast with 还将 + verb, and the seed's 未来的竞争 (L62)
        // WHEN HanLP's tags are read / THEN both look ahead
        assertThat(HANLP.predicts("业内人士认为，储能成本还将下降一半。")).isTrue();
        assertThat(HANLP.predicts(sentence(62, "未来的竞争"))).isTrue();
    }

    @Test
    void weilai_as_the_object_of_a_verb_is_a_noun_not_the_future() {
        // GIVEN the seed's 打造一个…数字化未来 (L60), which also has 可以将…输出
        // WHEN HanLP's tags are read / THEN it does not look ahead
        assertThat(HANLP.predicts(sentence(60, "数字化未来"))).isFalse();
    }

    @Test
    void a_should_word_or_yao_before_a_verb_is_a_recommendation() {
        // GIVEN the seed's 需要将…组织起来 (L48) and 也要加快构建 (L60), and an observation
        // WHEN HanLP's tags are read / THEN the first two say what ought to be done, the third does not
        assertThat(HANLP.recommends(sentence(48, "组织起来"))).isTrue();
        assertThat(HANLP.recommends(sentence(60, "也要加快"))).isTrue();
        assertThat(HANLP.recommends(sentence(62, "未来的竞争"))).isFalse();
    }

    @Test
    void without_tags_a_bare_jiang_is_not_read_as_the_future() {
        // GIVEN character pairs, which tag nothing
        Modality untagged = new Modality(Segmenter.characterBigrams());

        // WHEN / THEN 将…纳入 is no prediction, while an unambiguous marker still is
        assertThat(untagged.predicts(sentence(51, "纳入"))).isFalse();
        assertThat(untagged.predicts("业内预计，到2030年储能成本还将下降一半。")).isTrue();
    }

    @Test
    void english_should_and_will_are_read_without_tags() {
        // GIVEN character pairs, which tag nothing
        Modality untagged = new Modality(Segmenter.characterBigrams());

        // WHEN / THEN must is a recommendation, will a prediction, a comparison neither
        assertThat(untagged.recommends("Cities must plan their grids first.")).isTrue();
        assertThat(untagged.predicts("Storage will be cheaper by 2030.")).isTrue();
        assertThat(untagged.predicts("Storage is cheaper than it was.")).isFalse();
    }
}
