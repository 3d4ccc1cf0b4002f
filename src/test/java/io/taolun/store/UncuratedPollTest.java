package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
import io.taolun.core.Reply;
import io.taolun.core.article.Article;
import io.taolun.core.article.SecondArticle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polls on the claims found automatically in an article with no sidecar. */
final class UncuratedPollTest {
    @TempDir
    Path dir;

    @Test
    void a_poll_on_an_automatic_claim_opens_and_takes_votes() {
        // GIVEN a bot with polls on the second article
        Article article = SecondArticle.load(dir);
        try (PollHarness h = new PollHarness(TestDatabases.Kind.H2, article)) {
            // WHEN alice opens a poll on its first claim and bob votes
            Reply poll = h.bot.as("alice", "poll c1");
            h.bot.as("bob", "vote 1 2");
            Reply results = h.bot.as("carol", "results");

            // THEN the poll quotes that claim and counts the vote
            assertThat(((Block.Quote) poll.blocks().get(0)).text()).isEqualTo(article.claims().get(0).statement().zh());
            assertThat(poll.buttons()).hasSize(article.claims().get(0).options().size());
            assertThat(results.plainText()).contains("1 票");
            assertThat(h.bot.failures).isEmpty();
        }
    }
}
