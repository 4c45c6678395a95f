package ai.persona.updater.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.OptimizerMode;
import ai.persona.updater.persistence.BatchTrigger;
import ai.persona.updater.persistence.PersonaSnapshot;
import ai.persona.updater.persistence.SessionEntity;
import ai.persona.updater.persistence.UserSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Per-user learning settings (on/off, k, optimizer mode) and what the updater holds for a user. */
@ApplicationScoped
public class UserSettingsService {

    /**
     * @param batchSize the k in effect; {@code defaultBatchSize} tells whether it is the configured default
     * @param optimizerMode the mode in effect; {@code defaultOptimizerMode} tells whether it is the configured default
     * @param snapshotVersion the persona version the next batch will be based on (0: nothing known yet)
     */
    @RegisterForReflection
    public record UserState(String userId, boolean learningEnabled, int batchSize, boolean defaultBatchSize,
            OptimizerMode optimizerMode, boolean defaultOptimizerMode, long snapshotVersion,
            List<String> bufferedSessionIds) {
    }

    /** The settings after a change, and batches the change sealed (a smaller k can fill a batch at once). */
    public record Updated(UserState state, List<UUID> sealed) {
    }

    private final UpdaterConfig config;
    private final BatchSealer sealer;

    public UserSettingsService(UpdaterConfig config, BatchSealer sealer) {
        this.config = config;
        this.sealer = sealer;
    }

    public int batchSize(UserSettings settings) {
        return settings == null || settings.batchSize == null ? config.batch().size() : settings.batchSize;
    }

    /** The user's own optimizer mode, or the configured default. */
    public OptimizerMode optimizerMode(UserSettings settings) {
        return settings == null || settings.optimizerMode == null ? config.optimizer().mode() : settings.optimizerMode;
    }

    public int maxBatchSize() {
        return config.batch().maxSize();
    }

    @WithSession
    public Uni<UserState> state(String userId) {
        return UserSettings.<UserSettings> findById(userId)
                .chain(settings -> PersonaSnapshot.<PersonaSnapshot> findById(userId)
                        .chain(snapshot -> SessionEntity.buffered(userId)
                                .map(buffered -> new UserState(userId, settings == null || settings.learningEnabled,
                                        batchSize(settings), settings == null || settings.batchSize == null,
                                        optimizerMode(settings), settings == null || settings.optimizerMode == null,
                                        snapshot == null ? 0 : snapshot.version,
                                        buffered.stream().map(s -> s.sessionId).toList()))));
    }

    /** @param batchSize null restores the configured default, and so does a null {@code optimizerMode} */
    @WithTransaction
    public Uni<Updated> update(String userId, boolean learningEnabled, Integer batchSize,
            OptimizerMode optimizerMode) {
        return UserSettings.<UserSettings> findById(userId)
                .chain(existing -> {
                    UserSettings settings = existing != null ? existing : new UserSettings();
                    settings.userId = userId;
                    settings.learningEnabled = learningEnabled;
                    settings.batchSize = batchSize;
                    settings.optimizerMode = optimizerMode;
                    settings.updatedAt = Instant.now();
                    return settings.<UserSettings> persistAndFlush();
                })
                .chain(settings -> settings.learningEnabled ? sealer.sealFull(userId, batchSize(settings))
                        : Uni.createFrom().item(List.<UUID> of()))
                .chain(sealed -> state(userId).map(state -> new Updated(state, sealed)));
    }

    /** Seals the user's buffered sessions now, however few; empty when nothing is buffered or learning is off. */
    @WithTransaction
    public Uni<List<UUID>> flush(String userId, BatchTrigger trigger) {
        return UserSettings.<UserSettings> findById(userId)
                .chain(settings -> settings != null && !settings.learningEnabled ? Uni.createFrom().item(List.<UUID> of())
                        : sealer.sealAll(userId, trigger));
    }
}
