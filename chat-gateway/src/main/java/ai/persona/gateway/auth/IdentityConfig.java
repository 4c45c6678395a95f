package ai.persona.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a request names its end user and its chat, for the apps that act for their users with one app key (chat
 * front-ends such as Open WebUI). {@code X-Session-Id} always names the chat too; the chat header is read when it is
 * absent.
 */
@ConfigMapping(prefix = "gateway.identity")
public interface IdentityConfig {

    /** The header an app key names its end user in, when the body has no OpenAI {@code user} field. */
    @WithDefault("X-User-Id")
    String userHeader();

    /** A further header naming the chat (Open WebUI: {@code X-OpenWebUI-Chat-Id}); X-Session-Id wins over it. */
    @WithDefault("X-Session-Id")
    String chatHeader();
}
