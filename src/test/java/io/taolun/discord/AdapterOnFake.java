package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.Answerer;
import io.taolun.core.PollPosts;
import io.taolun.core.complete.OptionChoices;
import io.taolun.core.ChatRequest;
import io.taolun.core.Reply;
import io.taolun.core.library.Shelf;
import io.taolun.core.poll.PollViews;
import io.taolun.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A real {@link DiscordAdapter} (real JDA) logged in to a {@link FakeDiscord} with its commands registered, on the
 * library and polls given; for tests of what the adapter registers and offers, not of the core's answers.
 */
final class AdapterOnFake implements AutoCloseable {
    /** Answers every command alike: these tests look at the command tree and at autocomplete only. */
    private static final Answerer ANSWERS = new Answerer() {
        @Override
        public Reply handle(ChatRequest request) {
            return Reply.builder().text("ok").build();
        }

        @Override
        public List<String> commandNames() {
            return List.of("help");
        }
    };

    final FakeDiscord discord;
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final DiscordAdapter adapter;

    private AdapterOnFake(Shelf shelf, PollViews polls, Duration longestPoll) {
        discord = FakeDiscord.start();
        adapter = new DiscordAdapter(new DiscordSettings("discord-test-token", discord.apiUrl(),
                discord.gatewayUrl(), List.of()), new DiscordSessions(), ANSWERS, PollPosts.NONE,
                new OptionChoices(shelf, polls), longestPoll, work, timers);
        adapter.start();
        assertThat(discord.awaitReady(Await.CEILING)).isTrue();
    }

    static AdapterOnFake start(Shelf shelf, PollViews polls, Duration longestPoll) {
        return new AdapterOnFake(shelf, polls, longestPoll);
    }

    /** The global commands as the adapter registered them (the body of its {@code PUT}). */
    JsonNode registered() {
        return discord.awaitCall("PUT", "applications/\\d+/commands", 1, Await.CEILING).json();
    }

    /** Sends an interaction and returns Discord's view of the answer (for autocomplete: type 8 with choices). */
    JsonNode send(String interaction) {
        discord.sendInteraction(interaction);
        return discord.awaitAnswer(interaction, Await.CEILING);
    }

    @Override
    public void close() {
        adapter.close();
        work.shutdownNow();
        timers.shutdownNow();
        discord.close();
    }
}
