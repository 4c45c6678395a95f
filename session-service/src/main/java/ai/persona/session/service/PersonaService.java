package ai.persona.session.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.model.PatchOperation;
import ai.persona.model.PatchResult;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaValidator;
import ai.persona.model.Violation;
import ai.persona.runtime.persona.PersonaModelBeans;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.config.SessionServiceConfig;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaVersionEntity;
import ai.persona.session.persistence.UserEntity;
import ai.persona.runtime.input.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reading a persona and its history, and the changes a person makes: edit, rollback, import. */
@ApplicationScoped
public class PersonaService {

    private final PersonaPatcher userEdits;
    private final PersonaWriter writer;
    private final SessionServiceConfig config;

    public PersonaService(@Named(PersonaModelBeans.USER_EDIT) PersonaPatcher userEdits, PersonaWriter writer,
            SessionServiceConfig config) {
        this.userEdits = userEdits;
        this.writer = writer;
        this.config = config;
    }

    @WithSession
    public Uni<PersonaView> current(String userId) {
        return PersonaEntity.<PersonaEntity>findById(userId)
                .map(persona -> view(existing(persona, userId)));
    }

    @WithSession
    public Uni<PageView<PersonaVersionView>> history(String userId, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), config.maxPageSize());
        int pageIndex = Pages.index(page, pageSize);
        return PersonaEntity.<PersonaEntity>findById(userId)
                .map(persona -> existing(persona, userId))
                .chain(persona -> PersonaVersionEntity.page(userId, pageIndex, pageSize)
                        .map(rows -> new PageView<>(rows.stream().map(PersonaVersionView::of).toList(), pageIndex,
                                pageSize, persona.version)));
    }

    @WithSession
    public Uni<PersonaVersionView> version(String userId, long version) {
        return PersonaVersionEntity.find(userId, version)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no version " + version + " of " + userId))
                .map(PersonaVersionView::of);
    }

    /** The JSON Patch from one version to another; version 0 is the empty persona every user starts with. */
    @WithSession
    public Uni<ArrayNode> diff(String userId, long from, long to) {
        return document(userId, from)
                .chain(left -> document(userId, to)
                        .map(right -> PersonaPatcher.diff(left, right)));
    }

    @WithTransaction
    public Uni<PersonaView> edit(String userId, long ifMatch, List<PatchOperation> operations) {
        return locked(userId, ifMatch)
                .chain(persona -> {
                    List<Violation> past = PersonaValidator.pastValidity(operations, Clocks.now());
                    if (!past.isEmpty()) {
                        throw invalid(past);
                    }
                    PatchResult result = userEdits.apply(Json.tree(persona.document), operations);
                    if (!result.isApplied()) {
                        throw invalid(result.violations());
                    }
                    return writer.commit(persona, result.persona(), new PersonaWriter.Change(ChangeSource.USER_EDIT,
                            UUID.randomUUID().toString(), List.of(), operations, null));
                });
    }

    /** Makes an earlier version current again, as a new version, so the history keeps every step. */
    @WithTransaction
    public Uni<PersonaView> rollback(String userId, long toVersion, Long ifMatch) {
        return locked(userId, ifMatch)
                .chain(persona -> document(userId, toVersion)
                        .chain(target -> Objects.equals(target, Json.tree(persona.document))
                                ? Uni.createFrom().item(view(persona))
                                : writer.commit(persona, target, new PersonaWriter.Change(ChangeSource.ROLLBACK,
                                        UUID.randomUUID().toString(), List.of(), null, null))));
    }

    /** Replaces the whole persona (seeding a golden persona, restoring an export); creates the user if new. */
    @WithTransaction
    public Uni<PersonaView> replace(String userId, JsonNode document, Long ifMatch) {
        Ids.check("userId", userId);
        List<Violation> violations = userEdits.validator().validatePersona(document);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return UserEntity.ensure(userId, Clocks.now())
                .chain(() -> locked(userId, ifMatch))
                .chain(persona -> Objects.equals(document, Json.tree(persona.document))
                        ? Uni.createFrom().item(view(persona))
                        : writer.commit(persona, (ObjectNode) document, new PersonaWriter.Change(ChangeSource.IMPORT,
                                UUID.randomUUID().toString(), List.of(), null, null)));
    }

    private Uni<PersonaEntity> locked(String userId, Long ifMatch) {
        return PersonaEntity.lockFor(userId)
                .map(persona -> {
                    existing(persona, userId);
                    if (ifMatch != null && ifMatch != persona.version) {
                        throw ProblemException.staleVersion(ifMatch, persona.version);
                    }
                    return persona;
                });
    }

    private Uni<ObjectNode> document(String userId, long version) {
        if (version == 0) {
            return PersonaEntity.<PersonaEntity>findById(userId)
                    .map(persona -> existing(persona, userId))
                    .replaceWith(ai.persona.model.PersonaJson.emptyPersona());
        }
        return PersonaVersionEntity.find(userId, version)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no version " + version + " of " + userId))
                .map(row -> (ObjectNode) Json.tree(row.document));
    }

    private static PersonaEntity existing(PersonaEntity persona, String userId) {
        if (persona == null) {
            throw ProblemException.notFound("no user " + userId);
        }
        return persona;
    }

    private static PersonaView view(PersonaEntity persona) {
        return new PersonaView(persona.version, (ObjectNode) Json.tree(persona.document));
    }

    private static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid("the persona would break its schema or limits", violations);
    }
}
