package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.ChannelRef;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.OptionSets;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollOption;
import io.taolun.core.poll.PollRound;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.VoteLedger;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteRequest;
import io.taolun.core.poll.VoterSalt;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of the poll ports, {@link PollStore} and {@link VoteLedger}: the same cases on the in-memory fake the
 * rule tests use, on H2 and on PostgreSQL. A case that fails on one of them is a fake that lies or a store that
 * broke a rule.
 */
@TouchesTime
final class PollPortsContractTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Duration DOUBLE_CLICK = Duration.ofSeconds(1);
    private static final String ARTICLE = "a8e75d267bb866eb";
    private static final ChannelRef GENERAL = new ChannelRef("slack", "T1", "C1");
    private static final ChannelRef RANDOM = new ChannelRef("slack", "T1", "C2");

    /** Where the ports live: the fake, each database, and the bot's own arrangement (a poll cache in front). */
    enum Backend {
        FAKE,
        H2,
        POSTGRES,
        POSTGRES_CACHED
    }

    /** Both ports on one backend; closing releases its database. */
    private static final class Ports implements AutoCloseable {
        final PollStore store;
        final VoteLedger ledger;
        private final Database database;
        private final GroupCommitVoteLedger jdbcLedger;
        private final ExecutorService writer;

        Ports(Backend backend) {
            if (backend == Backend.FAKE) {
                InMemoryPolls fake = new InMemoryPolls(DOUBLE_CLICK);
                store = fake;
                ledger = fake;
                database = null;
                jdbcLedger = null;
                writer = null;
                return;
            }
            database = TestDatabases.open(backend == Backend.H2 ? TestDatabases.Kind.H2 : TestDatabases.Kind.POSTGRES);
            writer = Executors.newSingleThreadExecutor();
            JdbcPollStore jdbc = new JdbcPollStore(database.dataSource());
            store = backend == Backend.POSTGRES_CACHED
                    ? new CachingPollStore(jdbc, Duration.ofMinutes(1), Ticker.systemTicker()) : jdbc;
            jdbcLedger = new GroupCommitVoteLedger(database.dataSource(), DOUBLE_CLICK, writer);
            ledger = jdbcLedger;
        }

        VoteOutcome press(Poll poll, String user, int option, Instant at) {
            return ledger.cast(new VoteRequest(poll.id(), "slack", user, option, at)).outcome();
        }

        @Override
        public void close() {
            if (database != null) {
                jdbcLedger.close();
                writer.shutdownNow();
                database.close();
            }
        }
    }

    private static NewPoll poll(ChannelRef where, String claim, Optional<Instant> closesAt) {
        return new NewPoll(ARTICLE, Optional.ofNullable(claim), "问题 " + claim, OptionSets.likert(), where,
                "alice", true, false, T0, closesAt);
    }

    private static NewPoll poll(ChannelRef where, String claim) {
        return poll(where, claim, Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_workspaces_open_polls_are_listed_newest_first_up_to_the_limit_in_any_channel_and_no_other_workspaces(
            Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll first = p.store.open(poll(GENERAL, "c1"));
            Poll closing = p.store.open(poll(RANDOM, "c2", Optional.of(T0.plusSeconds(60))));
            Poll closed = p.store.open(poll(GENERAL, "c3"));
            Poll deleted = p.store.open(poll(RANDOM, "c4"));
            p.store.open(poll(new ChannelRef("slack", "T2", "C1"), "c1"));
            p.store.open(poll(new ChannelRef("discord", "T1", "C1"), "c1"));
            Poll newest = p.store.open(poll(GENERAL, "c5"));
            p.store.close(closed.id(), "alice", T0.plusSeconds(1));
            p.store.delete(deleted.id(), "alice", T0.plusSeconds(1));

            assertThat(p.store.openInWorkspace("slack", "T1", T0.plusSeconds(10), 10)).extracting(Poll::id)
                    .containsExactly(newest.id(), closing.id(), first.id());
            assertThat(p.store.openInWorkspace("slack", "T1", T0.plusSeconds(10), 2)).extracting(Poll::id)
                    .containsExactly(newest.id(), closing.id());
            // past its deadline a poll is no longer open
            assertThat(p.store.openInWorkspace("slack", "T1", T0.plusSeconds(60), 10)).extracting(Poll::id)
                    .containsExactly(newest.id(), first.id());
            assertThat(p.store.openInWorkspace("slack", "T3", T0, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_poll_is_stored_with_every_field_and_ids_count_from_one(Backend backend) {
        try (Ports p = new Ports(backend)) {
            // GIVEN a custom poll with its own options, public, results hidden, with a deadline
            NewPoll custom = new NewPoll("other-article", Optional.empty(), "下次读哪篇？",
                    List.of(new PollOption(1, "甲", "A"), new PollOption(2, "乙", "B")), RANDOM, "bob", false, true,
                    T0, Optional.of(T0.plus(Duration.ofHours(2))));
            // WHEN it is opened after another
            Poll first = p.store.open(poll(GENERAL, "c1"));
            Poll second = p.store.open(custom);
            // THEN ids count from 1, and reading it back gives every field
            assertThat(first.id()).isEqualTo(1);
            assertThat(second.id()).isEqualTo(2);
            assertThat(p.store.find(2)).contains(custom.withId(2));
            assertThat(p.store.find(1)).contains(poll(GENERAL, "c1").withId(1));
            assertThat(p.store.find(3)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void voters_options_are_added_at_the_end_with_their_author_up_to_ten_never_twice_and_never_after_the_close(
            Backend backend) throws Exception {
        try (Ports p = new Ports(backend)) {
            // GIVEN a public poll of two options that takes voters' options, closing in an hour
            NewPoll open = new NewPoll(ARTICLE, Optional.empty(), "读什么？", List.of(new PollOption(1, "书", "书"),
                    new PollOption(2, "论文", "论文")), GENERAL, "alice", false, false, T0,
                    Optional.of(T0.plus(Duration.ofHours(1))), PollRound.SINGLE, 1, true);
            Poll poll = p.store.open(open);
            assertThat(p.store.find(poll.id())).contains(open.withId(poll.id()));
            Instant t = T0.plusSeconds(10);

            // WHEN bob adds "博客", then carol adds " 博客" again and a poll without --open is asked for one
            var added = p.store.addOption(poll.id(), "博客", "bob", t);
            assertThat(added.status()).isEqualTo(io.taolun.core.poll.OptionAdded.Status.ADDED);
            assertThat(added.poll().options()).last().isEqualTo(new PollOption(3, "博客", "博客", Optional.of("bob")));
            assertThat(p.store.find(poll.id()).orElseThrow()).isEqualTo(added.poll());
            assertThat(p.store.addOption(poll.id(), " 博客", "carol", t).status())
                    .isEqualTo(io.taolun.core.poll.OptionAdded.Status.DUPLICATE);
            Poll closed = p.store.open(poll(GENERAL, "c1"));
            assertThat(p.store.addOption(closed.id(), "别的", "bob", t).status())
                    .isEqualTo(io.taolun.core.poll.OptionAdded.Status.CLOSED);

            // AND a vote for the added option counts
            assertThat(p.press(poll, "dave", 3, t)).isEqualTo(VoteOutcome.CAST);
            assertThat(p.store.tally(p.store.find(poll.id()).orElseThrow()).counts()).containsExactly(0, 0, 1);

            // WHEN 12 voters each add a different option at once
            ExecutorService many = Executors.newFixedThreadPool(12);
            try {
                List<java.util.concurrent.Future<io.taolun.core.poll.OptionAdded>> all = new java.util.ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String label = "选项" + i;
                    String voter = "v" + i;
                    all.add(many.submit(() -> p.store.addOption(poll.id(), label, voter, t)));
                }
                int addedNow = 0;
                int full = 0;
                for (var f : all) {
                    var status = f.get().status();
                    addedNow += status == io.taolun.core.poll.OptionAdded.Status.ADDED ? 1 : 0;
                    full += status == io.taolun.core.poll.OptionAdded.Status.FULL ? 1 : 0;
                }
                // THEN exactly seven fit (ten in all), numbered 4 to 10, and five are refused as full
                assertThat(addedNow).isEqualTo(7);
                assertThat(full).isEqualTo(5);
            } finally {
                many.shutdownNow();
            }
            Poll now = p.store.find(poll.id()).orElseThrow();
            assertThat(now.options()).extracting(PollOption::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(now.options()).extracting(PollOption::zh).doesNotHaveDuplicates();

            // AND after the deadline no option is taken
            var late = p.store.addOption(poll.id(), "迟到", "erin", T0.plus(Duration.ofHours(2)));
            assertThat(late.status()).isEqualTo(io.taolun.core.poll.OptionAdded.Status.CLOSED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_poll_is_rewritten_only_before_any_vote_its_removed_options_keep_their_votes_uncounted_and_a_deleted_one_is_unlisted(
            Backend backend) {
        try (Ports p = new Ports(backend)) {
            NewPoll own = new NewPoll(ARTICLE, Optional.empty(), "读什么？", List.of(new PollOption(1, "书", "书"),
                    new PollOption(2, "论文", "论文")), GENERAL, "alice", false, false, T0,
                    Optional.of(T0.plus(Duration.ofHours(1))));
            Poll poll = p.store.open(own);
            Instant t = T0.plusSeconds(10);
            // WHEN it is rewritten before anyone voted
            List<PollOption> three = List.of(new PollOption(1, "甲", "甲"), new PollOption(2, "乙", "乙"),
                    new PollOption(3, "丙", "丙"));
            assertThat(p.store.rewrite(poll.id(), "下次读什么？", three, "alice", t)).isTrue();
            Poll rewritten = p.store.find(poll.id()).orElseThrow();
            assertThat(rewritten.question()).isEqualTo("下次读什么？");
            assertThat(rewritten.options()).isEqualTo(three);
            // AND after a vote, even one withdrawn, it is not rewritten again
            assertThat(p.press(rewritten, "bob", 3, t)).isEqualTo(VoteOutcome.CAST);
            assertThat(p.press(rewritten, "bob", 3, t.plusSeconds(5))).isEqualTo(VoteOutcome.RETRACTED);
            assertThat(p.store.rewrite(poll.id(), "别的？", three, "alice", t)).isFalse();
            assertThat(p.press(rewritten, "bob", 3, t.plusSeconds(10))).isEqualTo(VoteOutcome.CAST);
            assertThat(p.press(rewritten, "carol", 1, t.plusSeconds(10))).isEqualTo(VoteOutcome.CAST);

            // WHEN option 3, with bob's vote, is removed, and another is added
            assertThat(p.store.removeOption(poll.id(), 3, "alice", t.plusSeconds(20))).isTrue();
            assertThat(p.store.removeOption(poll.id(), 3, "alice", t.plusSeconds(20))).isFalse();
            var added = p.store.addOption(poll.id(), "丁", "alice", t.plusSeconds(21), false);
            // THEN the options keep their numbers and the new one takes the next (3 is never reused), without an
            // author; the removed option counts 0 while its vote stays stored; two options stay at least
            Poll now = p.store.find(poll.id()).orElseThrow();
            assertThat(added.poll()).isEqualTo(now);
            assertThat(now.options()).extracting(PollOption::number).containsExactly(1, 2, 4);
            assertThat(now.options().get(2).addedBy()).isEmpty();
            assertThat(now.removed()).extracting(PollOption::zh).containsExactly("丙");
            assertThat(p.store.tally(now).counts()).containsExactly(1, 0, 0, 0);
            assertThat(p.store.voters(poll.id())).containsEntry(3, List.of("bob"));
            assertThat(p.store.removeOption(poll.id(), 4, "alice", t.plusSeconds(22))).isTrue();
            assertThat(p.store.removeOption(poll.id(), 2, "alice", t.plusSeconds(22))).isFalse();

            // WHEN its deadline moves later, then it is deleted
            Instant later = T0.plus(Duration.ofHours(5));
            assertThat(p.store.reschedule(poll.id(), later, "alice", t.plusSeconds(30))).isTrue();
            assertThat(p.store.find(poll.id()).orElseThrow().closesAt()).contains(later);
            assertThat(p.store.openIn(GENERAL, ARTICLE, T0.plus(Duration.ofHours(2)))).extracting(Poll::id)
                    .containsExactly(poll.id());
            assertThat(p.store.delete(poll.id(), "alice", t.plusSeconds(40))).isTrue();
            assertThat(p.store.delete(poll.id(), "alice", t.plusSeconds(41))).isFalse();
            // THEN it is found by id, deleted and closed, but listed nowhere, and takes no vote or change
            Poll gone = p.store.find(poll.id()).orElseThrow();
            assertThat(gone.deletedAt()).contains(t.plusSeconds(40));
            assertThat(gone.isOpen(t.plusSeconds(50))).isFalse();
            assertThat(p.store.openIn(GENERAL, ARTICLE, t.plusSeconds(50))).isEmpty();
            assertThat(p.store.latestIn(GENERAL, ARTICLE)).isEmpty();
            assertThat(p.press(gone, "dave", 1, t.plusSeconds(50))).isEqualTo(VoteOutcome.CLOSED);
            assertThat(p.store.reschedule(poll.id(), later, "alice", t.plusSeconds(50))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_poll_of_several_choices_toggles_each_option_up_to_its_maximum_and_counts_its_voters(Backend backend) {
        try (Ports p = new Ports(backend)) {
            // GIVEN a poll of three options, up to two each, stored and read back with its maximum
            NewPoll several = new NewPoll(ARTICLE, Optional.empty(), "哪些？", List.of(new PollOption(1, "甲", "A"),
                    new PollOption(2, "乙", "B"), new PollOption(3, "丙", "C")), GENERAL, "alice", false, false, T0,
                    Optional.empty(), PollRound.SINGLE, 2);
            Poll poll = p.store.open(several);
            assertThat(p.store.find(poll.id())).contains(several.withId(poll.id()));
            // WHEN bob chooses 1 and 2, tries 3, clicks 2 twice (withdrawn once), then chooses 3; carol chooses 2
            Instant t = T0.plusSeconds(10);
            assertThat(p.press(poll, "bob", 1, t)).isEqualTo(VoteOutcome.CAST);
            assertThat(p.press(poll, "bob", 2, t)).isEqualTo(VoteOutcome.CAST);
            assertThat(p.press(poll, "bob", 3, t)).isEqualTo(VoteOutcome.FULL);
            assertThat(p.press(poll, "bob", 2, t.plusMillis(300))).isEqualTo(VoteOutcome.UNCHANGED);
            assertThat(p.press(poll, "bob", 2, t.plusSeconds(5))).isEqualTo(VoteOutcome.RETRACTED);
            assertThat(p.press(poll, "bob", 2, t.plusSeconds(5).plusMillis(300)))
                    .isEqualTo(VoteOutcome.STILL_WITHDRAWN);
            var receipt = p.ledger.cast(new VoteRequest(poll.id(), "slack", "bob", 3, t.plusSeconds(9)));
            assertThat(p.press(poll, "carol", 2, t.plusSeconds(9))).isEqualTo(VoteOutcome.CAST);
            // THEN bob's receipt names his choices, and the tally counts 2 voters and 3 choices
            assertThat(receipt.outcome()).isEqualTo(VoteOutcome.CAST);
            assertThat(receipt.mine()).containsExactly(1, 3);
            assertThat(p.store.tally(poll)).isEqualTo(new io.taolun.core.poll.Tally(List.of(1, 1, 1), 2));
            assertThat(p.store.voters(poll.id())).containsEntry(1, List.of("bob")).containsEntry(2, List.of("carol"))
                    .containsEntry(3, List.of("bob"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void open_polls_are_those_of_the_channel_and_article_not_closed_nor_past_their_deadline_newest_first(
            Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll oldest = p.store.open(poll(GENERAL, "c1"));
            p.store.open(poll(RANDOM, "c2"));
            p.store.open(new NewPoll("other-article", Optional.of("c1"), "q", OptionSets.likert(), GENERAL,
                    "alice", true, false, T0, Optional.empty()));
            Poll closed = p.store.open(poll(GENERAL, "c3"));
            p.store.close(closed.id(), "alice", T0.plusSeconds(60));
            Poll endsAtNoon = p.store.open(poll(GENERAL, "c4", Optional.of(T0.plus(Duration.ofHours(2)))));
            Poll newest = p.store.open(poll(GENERAL, "c5"));
            // THEN before the deadline it is listed, at the deadline it is not
            assertThat(p.store.openIn(GENERAL, ARTICLE, T0.plus(Duration.ofHours(1)))).extracting(Poll::id)
                    .containsExactly(newest.id(), endsAtNoon.id(), oldest.id());
            assertThat(p.store.openIn(GENERAL, ARTICLE, T0.plus(Duration.ofHours(2)))).extracting(Poll::id)
                    .containsExactly(newest.id(), oldest.id());
            assertThat(p.store.openIn(new ChannelRef("discord", "T1", "C1"), ARTICLE, T0)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_latest_poll_of_a_channel_is_the_newest_on_its_article_closed_or_not(Backend backend) {
        try (Ports p = new Ports(backend)) {
            assertThat(p.store.latestIn(GENERAL, ARTICLE)).isEmpty();
            p.store.open(poll(GENERAL, "c1"));
            Poll latest = p.store.open(poll(GENERAL, "c2"));
            p.store.open(poll(RANDOM, "c3"));
            p.store.close(latest.id(), "alice", T0);
            assertThat(p.store.latestIn(GENERAL, ARTICLE)).map(Poll::id).contains(latest.id());
            assertThat(p.store.latestIn(GENERAL, "other-article")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void polls_on_a_claim_are_those_of_the_workspace_in_any_channel_oldest_first(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll first = p.store.open(poll(GENERAL, "c7"));
            p.store.open(poll(new ChannelRef("slack", "T2", "C1"), "c7"));
            p.store.open(poll(GENERAL, "c8"));
            p.store.open(poll(GENERAL, null));
            Poll second = p.store.open(poll(RANDOM, "c7"));
            assertThat(p.store.onClaim("slack", "T1", ARTICLE, "c7")).extracting(Poll::id)
                    .containsExactly(first.id(), second.id());
            assertThat(p.store.onClaim("discord", "T1", ARTICLE, "c7")).isEmpty();
            assertThat(p.store.onClaim("slack", "T1", "other-article", "c7")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_latest_poll_on_a_claim_is_the_newest_in_any_workspace_closed_or_not(Backend backend) {
        try (Ports p = new Ports(backend)) {
            p.store.open(poll(GENERAL, "c7"));
            Poll elsewhere = p.store.open(poll(new ChannelRef("discord", "G9", "D1"), "c7"));
            p.store.open(poll(GENERAL, "c8"));
            assertThat(p.store.latestOnClaim(ARTICLE, "c7")).map(Poll::id).contains(elsewhere.id());
            p.store.close(elsewhere.id(), "alice", T0);
            assertThat(p.store.latestOnClaim(ARTICLE, "c7")).map(Poll::id).contains(elsewhere.id());
            assertThat(p.store.latestOnClaim(ARTICLE, "c9")).isEmpty();
            assertThat(p.store.latestOnClaim("other-article", "c7")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_poll_is_closed_once_and_remembers_when(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            assertThat(p.store.find(poll.id()).orElseThrow().closedAt()).isEmpty();
            assertThat(p.store.close(poll.id(), "alice", T0.plusSeconds(30))).isTrue();
            assertThat(p.store.close(poll.id(), "admin", T0.plusSeconds(90))).isFalse();
            assertThat(p.store.close(99, "admin", T0)).isFalse();
            assertThat(p.store.find(poll.id()).orElseThrow().closedAt()).contains(T0.plusSeconds(30));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_first_press_is_cast_and_the_receipt_counts_it(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "bob", 2, T0);
            var receipt = p.ledger.cast(new VoteRequest(poll.id(), "slack", "carol", 2, T0.plusSeconds(1)));
            assertThat(receipt.outcome()).isEqualTo(VoteOutcome.CAST);
            assertThat(receipt.counts()).isEqualTo(Map.of(2, 2));
            assertThat(p.store.tally(poll).counts()).containsExactly(0, 2, 0, 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_press_the_platform_delivers_again_counts_once_and_a_new_press_counts(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            // GIVEN bob's press on option 2, delivered as "t1"
            VoteRequest press = new VoteRequest(poll.id(), "slack", "bob", 2, T0, "t1");
            assertThat(p.ledger.cast(press).outcome()).isEqualTo(VoteOutcome.CAST);
            // WHEN the platform delivers the same press again, seconds later (past the double-click window, where a
            // new press of the same option would withdraw the vote)
            VoteRequest again = new VoteRequest(poll.id(), "slack", "bob", 2, T0.plusSeconds(8), "t1");
            // THEN it is a repeat and the vote stands
            assertThat(p.ledger.cast(again).outcome()).isEqualTo(VoteOutcome.REPEATED);
            assertThat(p.store.tally(poll).counts()).containsExactly(0, 1, 0, 0, 0);
            // AND the same id on another platform, or a new press, is not a repeat
            assertThat(p.ledger.cast(new VoteRequest(poll.id(), "discord", "bob", 1, T0, "t1")).outcome())
                    .isEqualTo(VoteOutcome.CAST);
            assertThat(p.ledger.cast(new VoteRequest(poll.id(), "slack", "bob", 2, T0.plusSeconds(9), "t2"))
                    .outcome()).isEqualTo(VoteOutcome.RETRACTED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void another_option_moves_the_vote_at_once(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "bob", 2, T0);
            assertThat(p.press(poll, "bob", 4, T0)).isEqualTo(VoteOutcome.MOVED);
            assertThat(p.store.tally(poll).counts()).containsExactly(0, 0, 0, 1, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_same_option_within_the_double_click_window_changes_nothing_and_from_its_end_withdraws(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "bob", 3, T0);
            assertThat(p.press(poll, "bob", 3, T0.plusMillis(999))).isEqualTo(VoteOutcome.UNCHANGED);
            assertThat(p.store.tally(poll).counts()).containsExactly(0, 0, 1, 0, 0);
            assertThat(p.press(poll, "bob", 3, T0.plus(DOUBLE_CLICK))).isEqualTo(VoteOutcome.RETRACTED);
            assertThat(p.store.tally(poll).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void after_a_withdrawal_a_repeat_in_the_window_stays_withdrawn_and_a_later_or_other_press_votes_again(
            Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "bob", 2, T0);
            p.press(poll, "bob", 2, T0.plusSeconds(5));
            assertThat(p.press(poll, "bob", 2, T0.plusMillis(5500))).isEqualTo(VoteOutcome.STILL_WITHDRAWN);
            assertThat(p.store.tally(poll).total()).isZero();
            assertThat(p.press(poll, "bob", 2, T0.plusSeconds(7))).isEqualTo(VoteOutcome.CAST);
            p.press(poll, "carol", 1, T0);
            p.press(poll, "carol", 1, T0.plusSeconds(5));
            assertThat(p.press(poll, "carol", 4, T0.plusMillis(5100))).isEqualTo(VoteOutcome.CAST);
            assertThat(p.store.tally(poll).counts()).containsExactly(0, 1, 0, 1, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_press_on_a_closed_ended_or_unknown_poll_counts_nothing(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll closed = p.store.open(poll(GENERAL, "c1"));
            p.press(closed, "bob", 1, T0);
            p.store.find(closed.id());
            p.store.close(closed.id(), "alice", T0.plusSeconds(10));
            Poll ending = p.store.open(poll(GENERAL, "c2", Optional.of(T0.plusSeconds(60))));
            // WHEN presses arrive after the close, at the deadline, and for a poll that does not exist
            var late = p.ledger.cast(new VoteRequest(closed.id(), "slack", "carol", 2, T0.plusSeconds(11)));
            // THEN none is counted, and the receipt shows the counts as they were
            assertThat(late.outcome()).isEqualTo(VoteOutcome.CLOSED);
            assertThat(late.counts()).isEqualTo(Map.of(1, 1));
            assertThat(p.press(ending, "carol", 2, T0.plusSeconds(60))).isEqualTo(VoteOutcome.CLOSED);
            assertThat(p.press(ending, "dave", 2, T0.plusSeconds(59))).isEqualTo(VoteOutcome.CAST);
            assertThat(p.ledger.cast(new VoteRequest(99, "slack", "bob", 1, T0)).outcome())
                    .isEqualTo(VoteOutcome.CLOSED);
            assertThat(p.store.tally(closed).counts()).containsExactly(1, 0, 0, 0, 0);
            assertThat(p.store.tally(ending).counts()).containsExactly(0, 1, 0, 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_same_user_id_on_two_platforms_is_two_voters(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "u1", 1, T0);
            assertThat(p.ledger.cast(new VoteRequest(poll.id(), "discord", "u1", 1, T0)).outcome())
                    .isEqualTo(VoteOutcome.CAST);
            assertThat(p.store.tally(poll).counts()).containsExactly(2, 0, 0, 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void voters_are_listed_by_option_in_the_order_they_voted_without_withdrawn_votes(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll poll = p.store.open(poll(GENERAL, "c1"));
            p.press(poll, "zoe", 4, T0);
            p.press(poll, "bob", 4, T0.plusSeconds(1));
            p.press(poll, "amy", 4, T0.plusSeconds(1));
            p.press(poll, "carl", 2, T0.plusSeconds(2));
            p.press(poll, "dan", 1, T0.plusSeconds(3));
            p.press(poll, "dan", 1, T0.plusSeconds(9));
            assertThat(p.store.voters(poll.id())).containsExactly(
                    Map.entry(2, List.of("carl")), Map.entry(4, List.of("zoe", "amy", "bob")));
            assertThat(p.store.voters(99)).isEmpty();
        }
    }

    private static final VoterSalt SALT = new VoterSalt("ab".repeat(32));

    private static NewPoll firstOfTwo() {
        return new NewPoll(ARTICLE, Optional.of("c5"), "问题 c5", OptionSets.likert(), GENERAL, "alice", true, false, T0,
                Optional.of(T0.plus(Duration.ofDays(2))), PollRound.firstOfTwo(SALT));
    }

    private static NewPoll secondOf(Poll first, Instant at) {
        return new NewPoll(ARTICLE, first.claimId(), first.question(), first.options(), first.where(), "bob", true,
                false, at, Optional.of(at.plus(Duration.ofDays(1))), PollRound.second(first.id(), Optional.of(SALT)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void round_two_opens_once_closes_round_one_and_is_stored_with_its_round(Backend backend) {
        try (Ports p = new Ports(backend)) {
            // GIVEN round 1 of a pair, with its salt
            Poll first = p.store.open(firstOfTwo());
            assertThat(p.store.find(first.id()).orElseThrow().round()).isEqualTo(PollRound.firstOfTwo(SALT));
            assertThat(p.store.secondRound(first.id())).isEmpty();
            // WHEN its round 2 opens an hour later
            Instant at = T0.plus(Duration.ofHours(1));
            Poll second = p.store.openSecondRound(secondOf(first, at)).orElseThrow();
            // THEN round 2 is stored with its round and the salt, and round 1 is closed then
            assertThat(p.store.find(second.id())).contains(secondOf(first, at).withId(second.id()));
            assertThat(p.store.secondRound(first.id())).contains(second);
            assertThat(p.store.find(first.id()).orElseThrow().closedAt()).contains(at);
            assertThat(p.press(first, "carol", 1, at.plusSeconds(1))).isEqualTo(VoteOutcome.CLOSED);
            // AND a second round 2 is refused, whoever asks
            assertThat(p.store.openSecondRound(secondOf(first, at.plusSeconds(5)))).isEmpty();
            assertThat(p.store.find(second.id() + 1)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void closing_round_two_forgets_the_salt_of_both_rounds(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll first = p.store.open(firstOfTwo());
            Poll second = p.store.openSecondRound(secondOf(first, T0.plusSeconds(60))).orElseThrow();
            assertThat(p.store.close(second.id(), "alice", T0.plusSeconds(120))).isTrue();
            assertThat(p.store.find(first.id()).orElseThrow().round().salt()).isEmpty();
            assertThat(p.store.find(second.id()).orElseThrow().round().salt()).isEmpty();
            assertThat(p.store.find(second.id()).orElseThrow().round().firstRound()).contains(first.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void closing_round_one_before_round_two_forgets_the_salt(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll first = p.store.open(firstOfTwo());
            Poll single = p.store.open(poll(GENERAL, "c1"));
            p.store.close(first.id(), "alice", T0.plusSeconds(60));
            assertThat(p.store.find(first.id()).orElseThrow().round())
                    .isEqualTo(new PollRound(1, 2, Optional.empty(), Optional.empty()));
            assertThat(p.store.find(single.id()).orElseThrow().round()).isEqualTo(PollRound.SINGLE);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ballots_are_the_standing_votes_of_a_pair_by_voter_and_none_for_a_poll_of_one_round(Backend backend) {
        try (Ports p = new Ports(backend)) {
            Poll first = p.store.open(firstOfTwo());
            Poll single = p.store.open(poll(GENERAL, "c1"));
            p.press(first, "v1", 2, T0);
            p.press(first, "v2", 4, T0);
            p.press(first, "v3", 1, T0);
            p.press(first, "v3", 1, T0.plusSeconds(5)); // withdrawn
            p.press(single, "v1", 3, T0);
            assertThat(p.store.ballots(first.id())).isEqualTo(Map.of("slack:v1", 2, "slack:v2", 4));
            assertThat(p.store.ballots(single.id())).isEmpty();
            assertThat(p.store.ballots(99)).isEmpty();
        }
    }
}
