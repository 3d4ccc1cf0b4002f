/**
 * Chinese language processing behind the core's {@link io.taolun.core.article.Segmenter} port: HanLP segmentation
 * for the automatic summaries, claims and quotes of uncurated articles. Wired by the app when it loads the seeds.
 */
package io.taolun.nlp;
