package ai.persona.updater.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ai.persona.updater.llm.OptimizerMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the updater can be tuned with, under {@code persona-updater.*}. */
@ConfigMapping(prefix = "persona-updater")
public interface UpdaterConfig {

    /** How often the sweeper looks for due batches and partial batches past their maximum wait. */
    @WithDefault("30s")
    Duration sweepInterval();

    Batch batch();

    Optimizer optimizer();

    Guardrails guardrails();

    Intake intake();

    interface Batch {
        /** k: sessions per batch unless a user has their own setting (the paper's best setting is 3). */
        @WithDefault("3")
        int size();

        /** The largest k a user may be given. */
        @WithDefault("20")
        int maxSize();

        /** Whether a partial batch is flushed once its oldest session has waited {@link #maxWait()}. */
        @WithDefault("true")
        boolean maxWaitEnabled();

        @WithDefault("24h")
        Duration maxWait();
    }

    interface Optimizer {
        /** Tokens (o200k) the whole optimizer request may hold: instructions, schema, persona and sessions. */
        @WithDefault("6000")
        int inputTokenBudget();

        /**
         * The optimizer prompt and evidence rule for users without their own setting: {@code conservative} (the
         * product's) or {@code paper} (ported from the paper's released code); README, "Optimizer modes".
         */
        @WithDefault("conservative")
        OptimizerMode mode();

        /**
         * Batches optimized at the same time by this instance (each mostly waits on the model). At 2, a burst of 200
         * full batches queued for seconds in the benchmark (P4); hosted models take 8 concurrent calls in stride.
         */
        @WithDefault("8")
        int concurrency();

        /** How long a claimed batch is reserved for its worker; must exceed the LLM timeout times its retries. */
        @WithDefault("10m")
        Duration lease();

        @WithDefault("30s")
        Duration publishTimeout();

        /** First wait before a batch whose LLM call or publication failed is tried again; doubles per attempt. */
        @WithDefault("1m")
        Duration retryBackoff();

        @WithDefault("1h")
        Duration maxRetryBackoff();

        /**
         * How long a user's batch waits for their previous batch's published patch to show as a new persona version
         * (its PersonaChanged wakes the batch) before it is optimized anyway (the patch may have been rejected). It
         * holds one optimizer worker meanwhile, so it stays well below {@link #lease()}; generous, so that a
         * session-service restart does not make the batch build on the version before.
         */
        @WithDefault("90s")
        Duration predecessorWait();

        /** Longest raw model output kept with a parked batch or echoed back in the repair request. */
        @WithDefault("4000")
        int maxRawOutputChars();
    }

    /** The updater's own checks of an answer; the schema and limits are the shared persona.* (PersonaModelConfig). */
    interface Guardrails {
        /** Reject values copied verbatim from assistant, system or tool text that the user never wrote. */
        @WithDefault("true")
        boolean evidenceCheck();

        /** Shorter values (names, "INTJ", a language) are too common to be judged by a verbatim match. */
        @WithDefault("10")
        int evidenceMinChars();

        /**
         * Sections the optimizer never changes in this deployment, in every mode (e.g. {@code Demographics}, which the
         * paper's released code never changes); a patch touching one is rejected. None by default.
         */
        Optional<List<String>> fixedSections();
    }

    interface Intake {
        /**
         * Attempts to store what a consumer took in (a poll's sessions and the unreadable records among them, or one
         * PersonaChanged) before its records go to the dead-letter topic.
         */
        @WithDefault("8")
        int storeAttempts();

        @WithDefault("250ms")
        Duration storeInitialBackoff();

        @WithDefault("30s")
        Duration storeMaxBackoff();
    }
}
