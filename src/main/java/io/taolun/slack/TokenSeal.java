package io.taolun.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals bot tokens for the database: AES-256-GCM under {@code TAOLUN_SECRET_KEY}, a fresh 96-bit nonce each time, the
 * workspace's id as associated data (a sealed token copied to another workspace's row does not open). The sealed
 * form is {@code v1.} and the base64url of nonce and ciphertext.
 */
final class TokenSeal {
    private static final Logger LOG = LoggerFactory.getLogger(TokenSeal.class);
    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param key 32 bytes */
    TokenSeal(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /** The key from its base64 form, or an exception saying what is wrong with it (never showing it). */
    static byte[] key(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("decodes to " + key.length + " bytes, not " + KEY_BYTES);
        }
        return key;
    }

    String seal(String token, String workspace) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(workspace.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The token, or empty when the sealed form does not open: another key (TAOLUN_SECRET_KEY changed), another
     * workspace's row, or altered. Logged without the sealed value.
     */
    Optional<String> open(String sealed, String workspace) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            LOG.warn("the slack installation of workspace {} is not in a form this version seals; it must install "
                    + "again", workspace);
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(workspace.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("the slack installation of workspace {} does not open ({}): was TAOLUN_SECRET_KEY changed? The "
                    + "workspace must install again", workspace, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
