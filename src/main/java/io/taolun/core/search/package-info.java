/**
 * The {@code search} command and its port, {@link io.taolun.core.search.ArticleIndex}, which ranks an article's
 * paragraphs; the app wires the Lucene implementation from {@code io.taolun.lucene}. Marking and cutting the hits
 * stays here, so every index reads the same to users.
 */
package io.taolun.core.search;
