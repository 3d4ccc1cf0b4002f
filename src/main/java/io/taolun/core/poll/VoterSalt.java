package io.taolun.core.poll;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of one before/after pair of polls: a voter is stored as HMAC-SHA256(salt, platform and user id), the
 * same in both rounds, so their two answers are linked without their id being stored. Once the salt is deleted, the
 * hashes cannot be recomputed from a user id, so nobody can find a given person's answers. Never printed.
 *
 * @param hex 32 random bytes, as 64 lowercase hex digits
 */
public record VoterSalt(String hex) {
    private static final int BYTES = 32;

    public VoterSalt {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{" + (2 * BYTES) + "}")) {
            throw new IllegalArgumentException("a voter salt is " + BYTES + " bytes in lowercase hex");
        }
    }

    /** A new salt from {@code random}, which should be a {@link java.security.SecureRandom} outside tests. */
    public static VoterSalt random(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new VoterSalt(HexFormat.of().formatHex(bytes));
    }

    /** What is stored for this voter instead of their user id: {@code v} and 64 hex digits. */
    public String voterKey(String platform, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hex), "HmacSHA256"));
            byte[] digest = mac.doFinal((platform + "\u0000" + user).getBytes(StandardCharsets.UTF_8));
            return "v" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "VoterSalt[hidden]";
    }
}
