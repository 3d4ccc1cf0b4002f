package io.taolun.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import io.taolun.core.article.Segmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HanLP's dictionary segmentation with parts of speech: keeps nouns (English words included), verbs and adjectives
 * that are not on HanLP's stopword list, dropping the copula 是 and 有, which link everything to everything. HanLP
 * loads its dictionaries on the first call, so an app whose articles are all curated never pays for them.
 */
public final class HanLpSegmenter implements Segmenter {
    @Override
    public List<String> contentWords(String sentence) {
        List<String> out = new ArrayList<>();
        for (Term term : HanLP.segment(sentence)) {
            String word = term.word.strip();
            if (word.isEmpty() || term.nature == null || !CoreStopWordDictionary.shouldInclude(term)) {
                continue;
            }
            String pos = term.nature.toString();
            boolean content = pos.startsWith("n") || pos.startsWith("v") || pos.startsWith("a")
                    || pos.startsWith("g");
            if (content && !pos.equals("vshi") && !pos.equals("vyou")) {
                out.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
