/**
 * The console adapter: a JLine prompt, or a list of {@code -e} commands, rendered as plain text for an 80-column
 * terminal. Started by the app when no platform is configured.
 */
package io.taolun.console;
