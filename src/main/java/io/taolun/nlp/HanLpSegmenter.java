package io.taolun.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import io.taolun.core.article.Segmenter;
import io.taolun.core.article.TaggedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HanLP's dictionary segmentation with parts of speech: keeps nouns (English words included), verbs and adjectives
 * that are not on HanLP's stopword list, dropping the copula 是 and 有, which link everything to everything; and tags
 * every word with HanLP's part of speech (ICTCLAS tags, taken from its dictionary for the word as segmented). HanLP
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

    @Override
    public Optional<List<TaggedWord>> tagged(String sentence) {
        List<TaggedWord> out = new ArrayList<>();
        for (Term term : HanLP.segment(sentence)) {
            out.add(new TaggedWord(term.word, term.nature == null ? "" : term.nature.toString()));
        }
        return Optional.of(out);
    }
}
