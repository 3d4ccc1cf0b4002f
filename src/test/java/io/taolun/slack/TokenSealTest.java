package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.Installations;
import io.taolun.core.OAuthStates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sealing bot tokens, signing OAuth states, and the settings that carry their secrets. */
final class TokenSealTest {
    private static final String TOKEN = "xoxb-1234-5678-abcdefghijklmnop";

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    @Test
    void a_sealed_token_opens_only_with_its_key_for_its_workspace_and_unaltered() {
        TokenSeal seal = new TokenSeal(key(1), new SecureRandom());
        String sealed = seal.seal(TOKEN, "T1");
        assertThat(sealed).startsWith("v1.").doesNotContain(TOKEN).doesNotContain("xoxb");
        // a fresh nonce each time: the same token never seals the same way twice
        assertThat(seal.seal(TOKEN, "T1")).isNotEqualTo(sealed);
        assertThat(seal.open(sealed, "T1")).contains(TOKEN);
        // another workspace's row, another key, an altered byte, garbage: nothing opens, nothing throws
        assertThat(seal.open(sealed, "T2")).isEmpty();
        assertThat(new TokenSeal(key(2), new SecureRandom()).open(sealed, "T1")).isEmpty();
        // a byte altered in the nonce, the ciphertext or the tag
        for (int at : new int[] {10, 24, sealed.length() - 2}) {
            char[] chars = sealed.toCharArray();
            chars[at] = chars[at] == 'A' ? 'B' : 'A';
            assertThat(seal.open(new String(chars), "T1")).as("altered at " + at).isEmpty();
        }
        assertThat(seal.open("v1.", "T1")).isEmpty();
        assertThat(seal.open("v1.!!!", "T1")).isEmpty();
        assertThat(seal.open(TOKEN, "T1")).isEmpty();
        assertThat(seal.open(null, "T1")).isEmpty();
    }

    @Test
    void the_key_must_be_32_bytes_of_base64() {
        assertThat(TokenSeal.key(Base64.getEncoder().encodeToString(key(1)))).hasSize(32);
        assertThatThrownBy(() -> TokenSeal.key("not base64 at all!")).hasMessage("not base64");
        assertThatThrownBy(() -> TokenSeal.key(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessage("decodes to 16 bytes, not 32");
    }

    @Test
    void a_state_is_one_this_app_signed_stored_until_it_expires_and_used_once() {
        Map<String, Instant> stored = new HashMap<>();
        OAuthStates store = new OAuthStates() {
            @Override
            public void add(String state, Instant expires, Instant now) {
                stored.put(state, expires);
            }

            @Override
            public boolean available(String state, Instant now) {
                return stored.containsKey(state) && stored.get(state).isAfter(now);
            }

            @Override
            public boolean remove(String state, Instant now) {
                return stored.remove(state) != null;
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
        SlackOAuthStates states = new SlackOAuthStates(store, "a-state-secret-0123456789", new SecureRandom(), clock);
        String state = states.generateNewStateValue();
        assertThat(states.generateNewStateValue()).isNotEqualTo(state);
        assertThat(states.signed(state)).isTrue();
        // signed but never issued here: not available
        assertThat(states.isAvailableInDatabase(state)).isFalse();
        states.addNewStateToDatastore(state);
        assertThat(stored.get(state)).isEqualTo(clock.instant().plus(SlackOAuthStates.EXPIRES));
        // another secret's state, a bare value, one with an altered signature: refused without reading the store
        String others = new SlackOAuthStates(store, "another-secret-0123456789", new SecureRandom(), clock)
                .generateNewStateValue();
        stored.put(others, Instant.MAX);
        stored.put("plain", Instant.MAX);
        assertThat(states.isAvailableInDatabase(others)).isFalse();
        assertThat(states.isAvailableInDatabase("plain")).isFalse();
        assertThat(states.isAvailableInDatabase(state.substring(0, state.length() - 1) + "x")).isFalse();
        assertThat(states.isAvailableInDatabase(null)).isFalse();
        // checking it takes it: a second redirect with the same state, even one arriving at once, is refused
        assertThat(states.isAvailableInDatabase(state)).isTrue();
        assertThat(states.isAvailableInDatabase(state)).isFalse();
        states.deleteStateFromDatastore(state);
        assertThat(stored).doesNotContainKey(state);
    }

    @Test
    void oauth_settings_name_every_missing_or_unusable_variable_without_showing_a_secret() {
        assertThat(SlackOAuth.problems(Optional.of("123.456"), Optional.of("secret"),
                Optional.of("sixteen-chars-ok"), Optional.of(Base64.getEncoder().encodeToString(key(3))),
                Optional.empty())).isEmpty();
        var problems = SlackOAuth.problems(Optional.of("abc"), Optional.empty(), Optional.of("short-secret"),
                Optional.of("bm90LWEta2V5"), Optional.of("ftp://example.org/x"));
        assertThat(String.join("\n", problems)).contains("SLACK_CLIENT_ID: not a Slack client id",
                "SLACK_CLIENT_SECRET: not set", "SLACK_STATE_SECRET: too short",
                "TAOLUN_SECRET_KEY: decodes to 9 bytes, not 32", "SLACK_REDIRECT_URI: must be an http(s) URL")
                .doesNotContain("short-secret", "bm90LWEta2V5");
        assertThat(String.join("\n", SlackOAuth.problems(Optional.of("1.2"), Optional.of("s"), Optional.empty(),
                Optional.empty(), Optional.empty()))).contains("SLACK_STATE_SECRET: not set",
                "TAOLUN_SECRET_KEY: not set");
        // one token or OAuth, not both; OAuth needs HTTP (a signing secret), not Socket Mode
        assertThat(String.join("\n", SlackSettings.problems(Optional.of("xoxb-1"), Optional.of("s"),
                Optional.empty(), SlackSettings.DEFAULT_API_URL, true))).contains("both set");
        assertThat(String.join("\n", SlackSettings.problems(Optional.empty(), Optional.of("s"),
                Optional.of("xapp-1"), SlackSettings.DEFAULT_API_URL, true))).contains("SLACK_APP_TOKEN: Socket Mode");
        assertThat(String.join("\n", SlackSettings.problems(Optional.empty(), Optional.empty(),
                Optional.empty(), SlackSettings.DEFAULT_API_URL, true))).contains("SLACK_SIGNING_SECRET: not set");
        assertThat(SlackSettings.problems(Optional.empty(), Optional.of("s"), Optional.empty(),
                SlackSettings.DEFAULT_API_URL, true)).isEmpty();
        SlackOAuth oauth = new SlackOAuth("123.456", "client-secret-x", "sixteen-chars-ok",
                Base64.getEncoder().encodeToString(key(3)), Optional.empty());
        assertThat(oauth.toString()).doesNotContain("client-secret-x", "sixteen-chars-ok");
    }

    @Test
    void installed_tokens_are_read_and_opened_once_a_minute_and_forgotten_when_this_replica_changes_them() {
        TokenSeal seal = new TokenSeal(key(4), new SecureRandom());
        Map<String, Installations.Installation> rows = new HashMap<>();
        int[] reads = {0};
        Installations store = new Installations() {
            @Override
            public void save(Installation installation) {
                rows.put(installation.workspace(), installation);
            }

            @Override
            public Optional<Installation> find(String platform, String workspace) {
                reads[0]++;
                return Optional.ofNullable(rows.get(workspace));
            }

            @Override
            public boolean remove(String platform, String workspace) {
                return rows.remove(workspace) != null;
            }
        };
        long[] nanos = {0};
        SlackTokens.Installed tokens = new SlackTokens.Installed(store, seal, () -> nanos[0]);
        assertThat(tokens.single()).isEmpty();
        assertThat(tokens.botToken("T1")).isEmpty();
        store.save(new Installations.Installation("slack", "T1", "UB", "B", "commands", seal.seal(TOKEN, "T1"), "UA",
                Instant.EPOCH));
        // cached: the row saved behind its back is not seen until this replica says it changed
        assertThat(tokens.botToken("T1")).isEmpty();
        tokens.changed("T1");
        assertThat(tokens.botToken("T1")).contains(TOKEN);
        assertThat(tokens.botUser("T1")).contains("UB");
        int before = reads[0];
        tokens.botToken("T1");
        tokens.botUser("T1");
        assertThat(tokens.installedBy("T1", "UA")).isTrue();
        assertThat(tokens.installedBy("T1", "UB")).isFalse();
        assertThat(reads[0]).isEqualTo(before);
        // a minute on, the row is read again: an uninstall on another replica is seen within the minute
        store.remove("slack", "T1");
        nanos[0] += SlackTokens.CACHED.toNanos() - 1;
        assertThat(tokens.botToken("T1")).contains(TOKEN);
        nanos[0] += 2;
        assertThat(tokens.botToken("T1")).isEmpty();
        assertThat(reads[0]).isEqualTo(before + 1);
        // a workspace id no Slack team could have is not looked up
        assertThat(tokens.botToken("")).isEmpty();
        assertThat(tokens.botToken("T".repeat(65))).isEmpty();
    }
}
