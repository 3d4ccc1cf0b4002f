/**
 * The app's home (Slack's App Home): the article, a workspace's open polls with their tallies and the user's own
 * votes, and the posts scheduled next. Returns a neutral reply; the adapter publishes it.
 */
package io.taolun.core.home;
