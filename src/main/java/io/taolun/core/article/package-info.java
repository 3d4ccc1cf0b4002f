/**
 * The article: its model, the loading and validation of {@code seeds/}, and the commands that read it
 * ({@code about}, {@code section}, {@code summary}, {@code quote}, {@code claims}, {@code discuss}). Wired by the app.
 */
package io.taolun.core.article;
