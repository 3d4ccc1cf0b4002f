package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChatRequest;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.ritual.Pick;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualService;
import io.taolun.core.ritual.ScheduleCommand;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /article schedule ...} on a real H2 store: what admins can set, and the answers to bad input. */
@TouchesTime
final class ScheduleCommandTest {
    private static final Instant SUNDAY_NOON_SHANGHAI = Instant.parse("2026-11-29T04:00:00Z");

    private final RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, SUNDAY_NOON_SHANGHAI);
    private final RitualService service = new RitualService(h.rituals, h.scheduler, TestBot.everyoneMayOpen(), h.clock);
    private final List<RuntimeException> failures = new ArrayList<>();
    private final CommandRouter router = new CommandRouter(List.of(
            new ScheduleCommand(service, h.article.id()),
            new QuoteCommand(h.article, h.clock, ZoneId.of("Asia/Shanghai"), new Random(1), where -> h.runner.todaysQuote(where, h.article.id()))),
            Lang.EN, Map.of(), failures::add);

    @AfterEach
    void close() {
        assertThat(failures).isEmpty();
        h.close();
    }

    private Reply admin(String text) {
        return router.handle(new ChatRequest("slack", "T1", "C1", "U0", "en", text, true));
    }

    private Reply member(String text) {
        return router.handle(new ChatRequest("slack", "T1", "C1", "U9", "en", text));
    }

    @Test
    void an_admin_schedules_a_quote_of_the_day_and_sees_when_it_comes_next() {
        // WHEN
        Reply reply = admin("schedule qotd 09:00 Asia/Shanghai");
        // THEN it is stored, scheduled for tomorrow 09:00 local, and the answer says so
        assertThat(reply.error()).isFalse();
        assertThat(reply.plainText()).contains("Scheduled #1").contains("Quote of the day, daily at 09:00 Asia/Shanghai")
                .contains("Next: 2026-11-30 09:00 Asia/Shanghai");
        assertThat(h.scheduler.calls).containsExactly("schedule 1 2026-11-30T01:00:00Z");
    }

    @Test
    void a_weekly_poll_takes_its_day_in_english_or_chinese_and_a_close_after() {
        // WHEN
        Reply reply = admin("schedule weekly-poll 周三 20:30 Europe/Berlin --close-after 36h");
        // THEN
        assertThat(reply.plainText()).contains("Weekly discussion poll, Wednesdays at 20:30 Europe/Berlin, open 36 hours")
                .contains("Next: 2026-12-02 20:30 Europe/Berlin");
        Ritual ritual = h.rituals.in(RitualHarness.slack("C1")).get(0);
        assertThat(ritual.spec().day()).contains(DayOfWeek.WEDNESDAY);
        assertThat(ritual.spec().closeAfter()).isEqualTo(Duration.ofHours(36));
        assertThat(admin("schedule weekly-poll FRI 7：05 UTC").plainText()).contains("Fridays at 07:05 UTC, open 6 days");
    }

    @Test
    void a_weekly_poll_of_two_rounds_opens_round_two_the_day_before_its_results_unless_told() {
        // WHEN
        Reply reply = admin("schedule weekly-poll mon 09:00 UTC --rounds 2");
        // THEN round 2 opens after 5 of the 6 days, and the answer says so
        assertThat(reply.error()).isFalse();
        assertThat(reply.plainText()).contains("Mondays at 09:00 UTC, open 6 days · two rounds: round 2 opens after 5 days");
        assertThat(h.rituals.in(RitualHarness.slack("C1")).get(0).spec().roundTwoAfter()).contains(Duration.ofDays(5));
        // AND a time of its own; --round-two-after alone means two rounds
        assertThat(admin("schedule weekly-poll tue 09:00 UTC --close-after 3d --round-two-after 36h").plainText())
                .contains("open 3 days · two rounds: round 2 opens after 36 hours");
        assertThat(router.handle(new ChatRequest("slack", "T1", "C1", "U0", "zh", "schedule list", true))
                .plainText()).contains("两轮：开放 5 天后开第二轮");
    }

    @Test
    void a_weekly_poll_picks_its_claims_as_told_and_the_list_says_how_and_which_comes_next() {
        CommandRouter withPicks = new CommandRouter(List.of(new ScheduleCommand(service, h.article.id(),
                h.runner::nextPick)), Lang.EN, Map.of(), failures::add);
        Reply reply = withPicks.handle(new ChatRequest("slack", "T1", "C1", "U0", "en",
                "schedule weekly-poll mon 09:00 UTC --pick order", true));
        assertThat(reply.plainText()).contains("open 6 days · claims in the article’s order");
        assertThat(h.rituals.in(RitualHarness.slack("C1")).get(0).spec().pick()).isEqualTo(Pick.ORDER);
        assertThat(withPicks.handle(new ChatRequest("slack", "T1", "C1", "U9", "zh", "schedule list")).plainText())
                .contains("按文章顺序选观点", "下一次的观点：c1");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC").plainText()).contains(
                "claims not yet discussed first, every third week the most divisive again (two rounds)");
        assertThat(admin("schedule weekly-poll tue 09:00 UTC --pick loudest").plainText())
                .contains("\"loudest\" is not a way to pick claims");
    }

    @Test
    void bad_rounds_are_answered_with_what_is_accepted_and_store_nothing() {
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --rounds 3").plainText())
                .contains("\"3\" is not a number of rounds: give 1 or 2.");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --rounds 2 --round-two-after 6d").plainText())
                .contains("\"6d\" cannot open round 2").contains("at least 1 hour before it closes");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --round-two-after soon").plainText())
                .contains("\"soon\" cannot open round 2");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --close-after 1h --rounds 2").plainText())
                .contains("\"--rounds 2\" cannot open round 2").contains("stays open 2 hours or more");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --rounds 1 --round-two-after 2d").plainText())
                .contains("--round-two-after is for polls of two rounds");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --rounds").plainText())
                .contains("Option --rounds needs a value.");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).isEmpty();
    }

    @Test
    void schedule_list_shows_the_channels_schedules_to_anyone() {
        admin("schedule qotd 09:00 Asia/Shanghai");
        admin("schedule weekly-poll mon 10:00 Asia/Shanghai");
        // WHEN a member lists them
        Reply reply = member("schedule list");
        // THEN
        assertThat(reply.error()).isFalse();
        assertThat(reply.plainText()).contains("2 schedules in this channel").contains("#1").contains("#2")
                .contains("Next: 2026-11-30 10:00 Asia/Shanghai");
        assertThat(router.handle(new ChatRequest("slack", "T1", "C2", "U9", "en", "schedule list")).plainText())
                .contains("Nothing is scheduled in this channel.");
    }

    @Test
    void only_admins_change_schedules() {
        // WHEN a member tries
        Reply reply = member("schedule qotd 09:00 Asia/Shanghai");
        // THEN nothing is stored
        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("Only admins may change schedules here.");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).isEmpty();
    }

    @Test
    void bad_zones_times_days_and_spans_are_answered_with_what_is_accepted() {
        assertThat(admin("schedule qotd 09:00 Mars/Olympus").plainText())
                .contains("\"Mars/Olympus\" is not a time zone").contains("Asia/Shanghai, Europe/Berlin, America/New_York or UTC");
        assertThat(admin("schedule qotd 09:00 +08:00").plainText()).contains("is not a time zone");
        assertThat(admin("schedule qotd 09:00 CST").plainText()).contains("is not a time zone");
        assertThat(admin("schedule qotd 25:00 UTC").plainText()).contains("\"25:00\" is not a time").contains("00:00 to 23:59");
        assertThat(admin("schedule qotd 9am UTC").plainText()).contains("\"9am\" is not a time");
        assertThat(admin("schedule weekly-poll someday 09:00 UTC").plainText())
                .contains("\"someday\" is not a day").contains("mon, tue, wed, thu, fri, sat or sun");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --close-after 9d").plainText())
                .contains("\"9d\" is not a duration").contains("between 1h and 7d");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --close-after").plainText())
                .contains("Option --close-after needs a value.");
        assertThat(admin("schedule weekly-poll mon 09:00 UTC --ping @everyone").plainText()).doesNotContain("@everyone");
        assertThat(admin("schedule qotd 09:00").plainText()).contains("Say what to schedule");
        assertThat(admin("schedule").plainText()).contains("Say what to schedule");
        assertThat(admin("schedule yearly 09:00 UTC").plainText()).contains("Say what to schedule");
        assertThat(admin("schedule qotd 09:00 " + "A/".repeat(500) + "B").error()).isTrue();
        // THEN none of them stored anything
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).isEmpty();
    }

    @Test
    void a_channel_has_one_quote_of_the_day() {
        admin("schedule qotd 09:00 Asia/Shanghai");
        // WHEN a second is asked for
        Reply reply = admin("schedule qotd 18:00 Asia/Shanghai");
        // THEN
        assertThat(reply.plainText()).contains("already (#1)");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).hasSize(1);
    }

    @Test
    void schedule_off_turns_one_off_and_cancels_its_run() {
        admin("schedule qotd 09:00 Asia/Shanghai");
        // WHEN a member, then an admin, turn it off
        assertThat(member("schedule off 1").plainText()).contains("Only admins");
        Reply reply = admin("schedule off #1");
        // THEN
        assertThat(reply.plainText()).contains("Turned off schedule #1");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).isEmpty();
        assertThat(h.scheduler.calls).contains("cancel 1");
        assertThat(admin("schedule off 1").plainText()).contains("There is no schedule #1 in this workspace.");
        assertThat(router.handle(new ChatRequest("slack", "T2", "C1", "U0", "en", "schedule off 1", true)).plainText())
                .contains("There is no schedule #1");
    }

    @Test
    void schedule_off_with_an_id_that_is_not_a_number_says_no_schedule_has_it() {
        admin("schedule qotd 09:00 Asia/Shanghai");
        // WHEN an admin types a word where the id goes, in English and in Chinese
        Reply reply = admin("schedule off abc");
        Reply chinese = router.handle(new ChatRequest("slack", "T1", "C1", "U0", "zh", "schedule off abc", true));
        // THEN the answer names that id, not what could be scheduled, and nothing was turned off
        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("No schedule has the id \"abc\"").doesNotContain("Say what to schedule", "{0}");
        assertThat(chinese.plainText()).contains("没有编号为“abc”的定期发布").doesNotContain("请说明要安排什么", "{0}");
        assertThat(admin("schedule off #x1").plainText()).contains("No schedule has the id \"#x1\"");
        assertThat(admin("schedule off").plainText()).contains("Say what to schedule");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).hasSize(1);
    }

    @Test
    void config_file_schedules_are_brought_in_at_start_updated_and_turned_off_there_not_by_command() {
        // GIVEN a schedule declared in the config
        Ritual.Spec declared = new Ritual.Spec(RitualKind.QOTD, h.article.id(), Optional.empty(), LocalTime.of(9, 0),
                ZoneId.of("Asia/Shanghai"), Duration.ZERO, List.of(RitualHarness.slack("C1")), Optional.of("daily-c1"),
                "config");
        // WHEN the bot starts twice with it, then once with a new time, then once without it
        service.syncConfigured(List.of(declared));
        service.syncConfigured(List.of(declared));
        Reply off = admin("schedule off 1");
        Ritual.Spec moved = new Ritual.Spec(RitualKind.QOTD, h.article.id(), Optional.empty(), LocalTime.of(8, 0),
                ZoneId.of("Asia/Shanghai"), Duration.ZERO, List.of(RitualHarness.slack("C1")), Optional.of("daily-c1"),
                "config");
        service.syncConfigured(List.of(moved));
        service.syncConfigured(List.of());
        // THEN it was scheduled once, kept, rescheduled when it changed, and cancelled when removed
        assertThat(off.plainText()).contains("comes from the config file (daily-c1)");
        assertThat(h.scheduler.calls).containsExactly("schedule 1 2026-11-30T01:00:00Z",
                "ensure 1 2026-11-30T01:00:00Z", "schedule 1 2026-11-30T00:00:00Z", "cancel 1");
        assertThat(h.rituals.in(RitualHarness.slack("C1"))).isEmpty();
    }

    @Test
    void quote_today_in_a_channel_with_a_quote_of_the_day_shows_its_quote() {
        admin("schedule qotd 09:00 Asia/Shanghai");
        Ritual ritual = h.rituals.in(RitualHarness.slack("C1")).get(0);
        // WHEN the slot runs on Monday and someone asks for today's quote after it
        h.clock.set(Instant.parse("2026-11-30T01:00:00Z"));
        h.runner.runSlot(ritual.id(), h.clock.instant());
        String posted = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().item().orElseThrow();
        Reply today = member("quote today");
        // THEN it is the posted quote, and it stays so for the rest of the local day
        assertThat(today.footer()).startsWith("Quote " + posted + " of ");
        h.clock.set(Instant.parse("2026-11-30T15:59:00Z"));
        assertThat(member("quote today").footer()).startsWith("Quote " + posted + " of ");
    }
}
