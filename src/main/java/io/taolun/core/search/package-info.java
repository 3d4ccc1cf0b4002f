/** The {@code search} command: a simple paragraph matcher with marked hits. Wired by the app. */
package io.taolun.core.search;
