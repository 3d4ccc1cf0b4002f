package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Installations;
import io.taolun.core.Installations.Installation;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The installation and OAuth-state ports on H2 and on PostgreSQL: one installation per workspace, replaced by a
 * reinstall and removed by an uninstall; a state available until it expires and taken once, by one of two racers.
 */
@TouchesTime
final class InstallationsContractTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private static Installation installation(String team, String sealed, Instant at) {
        return new Installation("slack", team, "UBOT" + team, "B" + team, "commands,chat:write", sealed, "UADMIN", at);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void each_workspace_has_one_installation_replaced_by_a_reinstall_and_removed_by_an_uninstall(
            TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Installations store = new JdbcInstallations(db.dataSource());
            assertThat(store.find("slack", "T1")).isEmpty();
            store.save(installation("T1", "v1.first", T0));
            store.save(installation("T2", "v1.other", T0));
            // a reinstall brings a new token: the row is replaced, not added
            store.save(installation("T1", "v1.second", T0.plusSeconds(60)));
            Installation t1 = store.find("slack", "T1").orElseThrow();
            assertThat(t1.sealedToken()).isEqualTo("v1.second");
            assertThat(t1.installedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(t1.botUser()).isEqualTo("UBOTT1");
            assertThat(t1.scopes()).isEqualTo("commands,chat:write");
            // the same workspace id on another platform is another installation
            assertThat(store.find("discord", "T1")).isEmpty();
            assertThat(store.remove("slack", "T1")).isTrue();
            assertThat(store.remove("slack", "T1")).isFalse();
            assertThat(store.find("slack", "T1")).isEmpty();
            assertThat(store.find("slack", "T2").orElseThrow().sealedToken()).isEqualTo("v1.other");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_installs_of_one_workspace_at_once_both_succeed_and_leave_one_row(TestDatabases.Kind kind)
            throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            Installations store = new JdbcInstallations(db.dataSource());
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 20; round++) {
                    String a = "v1.a" + round;
                    String b = "v1.b" + round;
                    List<Callable<Void>> installs = List.of(() -> {
                        store.save(installation("T1", a, T0));
                        return null;
                    }, () -> {
                        store.save(installation("T1", b, T0));
                        return null;
                    });
                    for (Future<Void> f : two.invokeAll(installs)) {
                        f.get();
                    }
                    assertThat(store.find("slack", "T1").orElseThrow().sealedToken()).isIn(a, b);
                }
            } finally {
                two.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_state_is_available_until_it_expires_and_is_taken_once(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            JdbcOAuthStates states = new JdbcOAuthStates(db.dataSource());
            states.add("gone", T0.minusSeconds(1), T0.minusSeconds(600));
            states.add("s1", T0.plus(Duration.ofMinutes(10)), T0);
            // adding a state forgets those expired by then
            assertThat(states.remove("gone", T0.minusSeconds(2))).isFalse();
            states.add("old", T0.plusSeconds(1), T0);
            assertThat(states.available("s1", T0)).isTrue();
            assertThat(states.available("never", T0)).isFalse();
            // expired: not available, and not taken
            assertThat(states.available("old", T0.plusSeconds(1))).isFalse();
            assertThat(states.remove("old", T0.plusSeconds(2))).isFalse();
            // two replicas given the same redirect at once: exactly one takes the state
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Boolean>> takers = List.of(() -> states.remove("s1", T0), () -> states.remove("s1", T0));
                List<Boolean> taken = new ArrayList<>();
                for (Future<Boolean> f : two.invokeAll(takers)) {
                    taken.add(f.get());
                }
                assertThat(taken).containsExactlyInAnyOrder(true, false);
            } finally {
                two.shutdownNow();
            }
            assertThat(states.available("s1", T0)).isFalse();
        }
    }
}
