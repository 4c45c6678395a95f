package ai.persona.gateway.config;

import java.time.Duration;
import java.util.Optional;

import ai.persona.gateway.llm.Embeddings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings; the chat model's are {@link ai.persona.gateway.model.ModelConfig} (gateway.llm). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Persona persona();

    Sessions sessions();

    Settings settings();

    Conversations conversations();

    RetrievalSettings retrieval();

    interface Persona {
        /** Tokens the rendered persona may take in the system prompt; the least important fields are dropped first. */
        @WithDefault("600")
        int tokenBudget();

        /** Text ahead of the rendered persona in the system message. */
        @WithDefault("You are a helpful assistant. What you know about the user you are talking to follows; use it to "
                + "tailor your answers, without reciting it.")
        String preamble();

        /** Users whose rendered persona is kept in memory. The schema is the shared persona.schema-file. */
        @WithDefault("100000")
        long cacheSize();
    }

    interface Sessions {
        /**
         * Sessions in conversation are kept in memory for this long after their last turn, so a turn reads nothing
         * from session-service. Keep it below session-service's idle timeout (PT30M): a session ended as idle there
         * must have left this cache before its next turn, which then finds it ended.
         */
        @WithDefault("PT10M")
        Duration activeCacheTtl();

        /** Sessions in conversation kept in memory at most; an evicted one is read again on its next turn. */
        @WithDefault("100000")
        long activeCacheSize();

        /**
         * How long this instance replays a turn sent with an Idempotency-Key (its reply, without asking the model
         * again). Stripe keeps keys 24 hours; session-service stores the turn once for longer (its event ids, P3D).
         */
        @WithDefault("PT24H")
        Duration idempotentTurnTtl();

        /**
         * Idempotent turns whose replies are kept for replay at most; beyond it some leave early, and a repeat of one
         * of those asks the model again (and is still stored once).
         */
        @WithDefault("10000")
        long idempotentTurnCacheSize();
    }

    /** Conversations apps post to the memory API (POST /api/conversations). */
    interface Conversations {
        /**
         * A posted conversation's messages as JSON, in bytes, at most. The whole conversation travels in one
         * SessionEvent and later in one ConversationCompleted, and a Kafka record is at most 1 MiB by default
         * (max.request.size, message.max.bytes): a larger one could not be published as completed.
         */
        @WithDefault("786432")
        int maxBytes();
    }

    interface Settings {
        /** How long a user's settings are served from memory; another gateway instance's change shows after this. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("100000")
        long cacheSize();
    }

    /** The "similar-session" retrieval a user can switch on (PUT /api/settings). */
    interface RetrievalSettings {
        /**
         * Tokens the retrieved past session may take in the system prompt: the whole session when it fits; when it
         * does not, the user's turns are kept first.
         */
        @WithDefault("1500")
        int tokenBudget();

        /** The in-process embedding model: bge-small-zh-v15-q (Chinese and English) or all-minilm-l6-v2 (English). */
        @WithDefault("bge-small-zh-v15-q")
        Embeddings.Model embeddingModel();

        /**
         * The user's newest ended sessions compared with the new message; each is embedded once, on the first turn
         * that needs it (a few milliseconds each).
         */
        @WithDefault("100")
        int maxCandidates();

        /** Text ahead of the retrieved session in the system message. */
        @WithDefault("A past conversation with this user that may be relevant to the new message follows. Use it as "
                + "background; do not mention it unless it helps.")
        String header();
    }
}
