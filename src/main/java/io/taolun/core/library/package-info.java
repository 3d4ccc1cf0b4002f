/**
 * The library of articles: which article each channel discusses ({@code list}, {@code use}), and the router that
 * sends every other command to that article's commands. The app builds it; adapters call it as an
 * {@link io.taolun.core.Answerer}.
 */
package io.taolun.core.library;
