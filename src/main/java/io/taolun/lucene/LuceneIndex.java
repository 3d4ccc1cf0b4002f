package io.taolun.lucene;

import io.taolun.core.article.Article;
import io.taolun.core.article.Line;
import io.taolun.core.article.Section;
import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchHit;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * An in-memory Lucene index of articles, one document per paragraph (non-blank content line), ranked by BM25. Built
 * once and never changed, so searching needs no locks. {@link #of(Article)} gives the core's port for one article.
 */
public final class LuceneIndex implements Closeable {
    /** The text fields also keep their term offsets, so hits are marked from what the analyzers actually matched. */
    private static final FieldType MARKABLE = markable(true);
    private static final FieldType MARKABLE_UNSTORED = markable(false);
    /** Hits looked at beyond the limit: an article has a few hundred paragraphs at most. */
    private static final int CANDIDATES = 200;

    private final Analyzer analyzer;
    private final QueryTerms queries;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int paragraphs;
    /** Per article id and line: the spans whose English gloss is indexed, to mark when only a gloss matched. */
    private final Map<String, Map<Integer, List<Glosses.Span>>> glossed;

    private LuceneIndex(Analyzer analyzer, ByteBuffersDirectory directory, int paragraphs,
            Map<String, Map<Integer, List<Glosses.Span>>> glossed) throws IOException {
        this.analyzer = analyzer;
        this.queries = new QueryTerms(analyzer, Glossary.load(), new FunctionWords());
        this.glossed = glossed;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.paragraphs = paragraphs;
    }

    /** Indexes the paragraphs of every article; ids must be distinct. */
    public static LuceneIndex build(Collection<Article> articles) {
        Analyzer analyzer = Schema.analyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        int paragraphs = 0;
        Map<String, Map<Integer, List<Glosses.Span>>> glossed = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (Article article : articles) {
                Map<Integer, List<Glosses.Span>> lines = new HashMap<>();
                for (Line line : article.contentLines()) {
                    List<Glosses.Span> spans = Glosses.of(article, line, analyzer);
                    if (!spans.isEmpty()) {
                        lines.put(line.number(), spans);
                    }
                    writer.addDocument(document(article, line, spans));
                    paragraphs++;
                }
                glossed.put(article.id(), lines);
            }
            writer.forceMerge(1);
            writer.commit();
            return new LuceneIndex(analyzer, directory, paragraphs, glossed);
        } catch (IOException e) {
            throw new UncheckedIOException("building the search index", e);
        }
    }

    /** The index of one article, which must be among those built. */
    public ArticleIndex of(Article article) {
        String id = article.id();
        return new ArticleIndex() {
            @Override
            public List<SearchHit> search(String query, int limit) {
                return LuceneIndex.this.search(id, query, limit);
            }

            @Override
            public boolean hasContentWords(String query) {
                return !queries.terms(query).isEmpty();
            }
        };
    }

    /** Paragraphs indexed, over all articles. */
    public int paragraphs() {
        return paragraphs;
    }

    /** Bytes of index files held in memory (the directory; not the analyzers' dictionaries). */
    public long bytes() {
        long total = 0;
        try {
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }

    private List<SearchHit> search(String articleId, String query, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit < 1) {
            return List.of();
        }
        Map<String, Set<String>> terms = queries.terms(query);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach((field, words) -> any.add(QueryTerms.anyOf(field, words), BooleanClause.Occur.SHOULD));
        queries.phrases(query).forEach(phrase -> any.add(phrase, BooleanClause.Occur.SHOULD));
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery q = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Schema.ARTICLE, articleId)), BooleanClause.Occur.FILTER)
                .build();
        try {
            List<SearchHit> hits = new ArrayList<>();
            // a paragraph found only through its section's summary has nothing to mark and is not shown, so look
            // further down than the limit for ones that have
            for (ScoreDoc top : searcher.search(q, limit + CANDIDATES).scoreDocs) {
                Document doc = searcher.storedFields().document(top.doc, Set.of(Schema.LINE));
                int line = doc.getField(Schema.LINE).numericValue().intValue();
                List<SearchHit.Span> marks = marks(top.doc, terms, Schema.MARKED);
                if (marks.isEmpty()) {
                    marks = Glosses.matching(glossed.get(articleId).getOrDefault(line, List.of()),
                            terms.getOrDefault(Schema.GLOSS, Set.of()));
                }
                List<SearchHit.Span> translated = marks(top.doc, terms, List.of(Schema.TRANSLATION));
                if ((!marks.isEmpty() || !translated.isEmpty()) && hits.size() < limit) {
                    hits.add(new SearchHit(line, top.score, marks, translated));
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index", e);
        }
    }

    /** Where the query's terms occur in the paragraph's fields (all of one text), read from its term vectors. */
    private List<SearchHit.Span> marks(int doc, Map<String, Set<String>> terms, List<String> fields)
            throws IOException {
        List<SearchHit.Span> spans = new ArrayList<>();
        org.apache.lucene.index.Fields vectors = searcher.getIndexReader().termVectors().get(doc);
        for (String field : fields) {
            Terms vector = vectors == null ? null : vectors.terms(field);
            if (vector == null || !terms.containsKey(field)) {
                continue;
            }
            TermsEnum each = vector.iterator();
            PostingsEnum postings = null;
            for (String term : terms.get(field)) {
                if (!each.seekExact(new BytesRef(term))) {
                    continue;
                }
                postings = each.postings(postings, PostingsEnum.OFFSETS);
                postings.nextDoc();
                for (int i = 0; i < postings.freq(); i++) {
                    postings.nextPosition();
                    spans.add(new SearchHit.Span(postings.startOffset(), postings.endOffset()));
                }
            }
        }
        return spans;
    }

    private static Document document(Article article, Line line, List<Glosses.Span> glosses) {
        Section section = article.sectionOf(line.number());
        Document doc = new Document();
        doc.add(new StringField(Schema.ARTICLE, article.id(), Field.Store.NO));
        doc.add(new StoredField(Schema.LINE, line.number()));
        doc.add(new Field(Schema.WORDS, line.text(), MARKABLE));
        doc.add(new Field(Schema.BIGRAMS, line.text(), MARKABLE_UNSTORED));
        doc.add(new TextField(Schema.GLOSS,
                glosses.stream().map(Glosses.Span::english).collect(Collectors.joining("\n")), Field.Store.NO));
        doc.add(new Field(Schema.TRANSLATION, article.translationOf(line.number()).orElse(""), MARKABLE_UNSTORED));
        doc.add(new TextField(Schema.SECTION,
                section.title().en() + "\n" + section.summary().map(s -> s.en()).orElse(""), Field.Store.NO));
        return doc;
    }

    private static FieldType markable(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setStoreTermVectors(true);
        type.setStoreTermVectorPositions(true);
        type.setStoreTermVectorOffsets(true);
        type.freeze();
        return type;
    }
}
