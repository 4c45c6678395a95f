package ai.persona.crypto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user's content as it travels in a topic: AES-256-GCM ciphertext under the user's content key. The envelope of
 * every sealed payload ({@link ContentSeal}).
 *
 * @param keyId the content key it was sealed under; once session-service destroyed that key (the user's deletion), the
 *        value can no longer be opened by anyone
 * @param data base64 of the 12-byte nonce followed by the ciphertext and its 16-byte tag
 */
@RegisterForReflection
public record SealedContent(String keyId, String data) {
}
