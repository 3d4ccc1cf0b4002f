/**
 * Search with Lucene: an in-memory index of articles' paragraphs that implements the core's
 * {@link io.taolun.core.search.ArticleIndex}. Chinese is read twice, by a dictionary (smartcn, for precision) and as
 * character bigrams (for words no dictionary knows); English queries meet the curated glosses and summaries and a
 * small glossary. Function words are taken out of queries with HanLP's part-of-speech tags and stop-word dictionary
 * and Lucene's English stop lists. Built by the app; nothing else depends on it.
 */
package io.taolun.lucene;
