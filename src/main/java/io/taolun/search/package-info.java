/**
 * Search with Lucene: an in-memory index of articles' paragraphs that implements the core's
 * {@link io.taolun.core.search.ArticleIndex}. Chinese is read twice, by a dictionary (smartcn, for precision) and as
 * character bigrams (for words no dictionary knows); English queries meet the curated glosses and summaries and a
 * small glossary. Built by the app at start; nothing else depends on it.
 */
package io.taolun.search;
