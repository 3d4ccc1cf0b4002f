package io.taolun.slack;

import com.slack.api.bolt.service.OAuthStateService;
import io.taolun.core.OAuthStates;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time {@code state} of each install: 18 random bytes and their HMAC under {@code SLACK_STATE_SECRET}, kept
 * in the database for ten minutes. Bolt sets it as a cookie at {@code /slack/install} and takes the redirect back only
 * when the cookie, the query's state and the database agree; a forged state is refused before the database is read,
 * and a state is used once: checking it takes it.
 */
final class SlackOAuthStates implements OAuthStateService {
    static final Duration EXPIRES = Duration.ofSeconds(DEFAULT_EXPIRATION_IN_SECONDS);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final OAuthStates states;
    private final byte[] secret;
    private final SecureRandom random;
    private final Clock clock;

    SlackOAuthStates(OAuthStates states, String stateSecret, SecureRandom random, Clock clock) {
        this.states = states;
        this.secret = stateSecret.getBytes(StandardCharsets.UTF_8);
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String generateNewStateValue() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String value = B64.encodeToString(nonce);
        return value + "." + mac(value);
    }

    @Override
    public void addNewStateToDatastore(String state) {
        Instant now = clock.instant();
        states.add(state, now.plus(EXPIRES), now);
    }

    /**
     * Takes the state: true for one caller only, however many redirects with it arrive at once (Bolt asks this once
     * per redirect, after the cookie matched, and deletes the state only after exchanging the code: checking without
     * taking let concurrent copies of one redirect all install).
     */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return signed(state) && states.remove(state, clock.instant());
    }

    /** Taken already by {@link #isAvailableInDatabase}; kept for a state that was not checked. */
    @Override
    public void deleteStateFromDatastore(String state) {
        if (signed(state)) {
            states.remove(state, clock.instant());
        }
    }

    /** Whether the state is one this app signed. */
    boolean signed(String state) {
        if (state == null || state.length() > 100) {
            return false;
        }
        int dot = state.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return MessageDigest.isEqual(mac(state.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
                state.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available");
        }
    }
}
