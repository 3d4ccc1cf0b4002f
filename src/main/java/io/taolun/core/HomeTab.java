package io.taolun.core;

/**
 * Port: what a user sees on the app's own page in their workspace (Slack's App Home): the article, the workspace's
 * open polls and their own votes, and the posts scheduled next. Built by the core; adapters render and publish it.
 */
@FunctionalInterface
public interface HomeTab {
    /** A home with nothing on it but its title (a composition without polls). */
    HomeTab NONE = (platform, workspace, user, lang) -> Reply.builder().title("Taolun").build();

    /** The home of {@code user} in {@code workspace}, as of now. Reads the database; never throws for bad input. */
    Reply of(String platform, String workspace, String user, Lang lang);
}
