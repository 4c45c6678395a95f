package ai.persona.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens users' content with AES-256-GCM (the JDK's {@code javax.crypto}): a random 96-bit nonce per value,
 * a 128-bit tag, and the user id and key id as associated data, so a sealed value copied into another user's record, or
 * relabelled with another key id, fails to open rather than being read as theirs. The one envelope format producers and
 * consumers of every topic agree on.
 */
public final class ContentSeal {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContentSeal() {
    }

    public static SealedContent seal(ContentKey key, String userId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, userId, nonce);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] data = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new SealedContent(key.keyId(), Base64.getEncoder().encodeToString(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws UnopenableContentException when the key is not the one it was sealed under, or the value or its key id or
     *         user were changed
     */
    public static byte[] open(ContentKey key, String userId, SealedContent sealed) {
        if (!key.keyId().equals(sealed.keyId())) {
            throw new UnopenableContentException("sealed under key " + sealed.keyId() + ", not " + key.keyId());
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealed.data() == null ? "" : sealed.data());
        } catch (IllegalArgumentException e) {
            throw new UnopenableContentException("sealed data is not base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnopenableContentException("sealed data is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, userId, java.util.Arrays.copyOf(data, NONCE_BYTES));
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnopenableContentException("sealed data does not authenticate under key " + key.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, ContentKey key, String userId, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((key.keyId() + '\n' + userId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
