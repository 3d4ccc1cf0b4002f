package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.store.TestDatabases;
import io.taolun.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the bot with SIGKILL in the middle of a vote burst, starts it again, and finds every vote it had
 * acknowledged stored exactly once. On H2 (the file in the data directory) and on PostgreSQL.
 */
final class VoteCrashIT {
    private static final int VOTES = 20_000;
    private static final int THREADS = 32;
    private static final int KILL_AFTER_ACKS = 1_000;

    @TempDir
    Path data;

    private Process start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.main(List.of(), VoteBurstChild.class.getName(), args)).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("TAOLUN_DB_URL");
        pb.environment().putAll(env);
        return pb.start();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void every_acknowledged_vote_survives_a_sigkill_mid_burst(TestDatabases.Kind kind) throws Exception {
        // GIVEN a bot on a fresh database, voting from many threads
        Map<String, String> env = new HashMap<>();
        if (kind == TestDatabases.Kind.POSTGRES) {
            TestDatabases.Url url = TestDatabases.fresh(kind);
            env.put("TAOLUN_DB_URL", url.url());
            env.put("TAOLUN_DB_USER", url.user());
            env.put("TAOLUN_DB_PASSWORD", url.password());
        }
        Process bot = start(env, "burst", data.toString(), String.valueOf(VOTES), String.valueOf(THREADS));
        Map<String, Integer> acked = new HashMap<>();
        long pollId = -1;
        boolean done = false;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("POLL")) {
                    pollId = Long.parseLong(parts[1]);
                } else if (parts[0].equals("ACK")) {
                    acked.put(parts[1], Integer.parseInt(parts[2]));
                    if (acked.size() == KILL_AFTER_ACKS) {
                        // WHEN it is killed without warning (SIGKILL) while votes are still coming in
                        bot.destroyForcibly();
                        break;
                    }
                } else if (parts[0].equals("DONE")) {
                    done = true;
                }
            }
        }
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(done).as("the burst was still running when the bot was killed").isFalse();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS).hasSizeLessThan(VOTES);

        // THEN after a restart every acknowledged vote is stored, with its option, once
        Process restarted = start(env, "dump", data.toString(), String.valueOf(pollId));
        Map<String, Integer> stored = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        int total = -1;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(restarted.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ROW") && stored.put(parts[1], Integer.parseInt(parts[2])) != null) {
                    duplicates.add(parts[1]);
                } else if (parts[0].equals("TOTAL")) {
                    total = Integer.parseInt(parts[1]);
                }
            }
        }
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).isZero();
        assertThat(duplicates).isEmpty();
        assertThat(total).isEqualTo(stored.size());
        // each voter's stored vote is their last acknowledged press, or the press after it (committed, then killed
        // before the acknowledgement was printed): never an older state, never lost
        for (Map.Entry<String, Integer> ack : acked.entrySet()) {
            int i = Integer.parseInt(ack.getKey().substring(1));
            boolean moves = i % 2 == 0;
            boolean lastWasFirst = moves && ack.getValue() == VoteBurstChild.first(i);
            assertThat(stored.get(ack.getKey())).as(ack.getKey())
                    .isIn(lastWasFirst ? List.of(ack.getValue(), VoteBurstChild.second(i)) : List.of(ack.getValue()));
        }
        long movesAcked = acked.entrySet().stream().filter(a -> {
            int i = Integer.parseInt(a.getKey().substring(1));
            return i % 2 == 0 && a.getValue() == VoteBurstChild.second(i);
        }).count();
        assertThat(movesAcked).as("moves were acknowledged before the kill").isPositive();
    }
}
