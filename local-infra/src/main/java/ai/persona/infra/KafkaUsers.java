package ai.persona.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import ai.persona.events.KafkaAccess;
import ai.persona.events.PersonaService;

/**
 * Gives the local broker's users their SCRAM credentials and each service the ACLs {@link KafkaAccess} derives from the
 * event contract, the same that deploy-check requires of the Strimzi KafkaUsers. Run at each start: the services' ACLs
 * are made to match, so a change of the contract reaches a kept broker too.
 */
final class KafkaUsers {

    private static final int ITERATIONS = 4096;
    /** Not how long anything should take: the node applies its own metadata within milliseconds. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    private KafkaUsers() {
    }

    static void grant(Admin admin, KafkaLogins logins) throws ExecutionException, InterruptedException {
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        for (String user : logins.users()) {
            credentials.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), logins.password(user)));
        }
        admin.alterUserScramCredentials(credentials).all().get();
        Set<AclBinding> expected = new HashSet<>();
        for (PersonaService service : PersonaService.values()) {
            expected.addAll(acls(KafkaAccess.of(service)));
        }
        // only what differs: a broker restarted under running services never takes away an ACL they still hold
        Set<AclBinding> existing = servicesAcls(admin);
        List<AclBindingFilter> stale = existing.stream()
                .filter(acl -> !expected.contains(acl))
                .map(AclBinding::toFilter)
                .toList();
        List<AclBinding> missing = expected.stream()
                .filter(acl -> !existing.contains(acl))
                .toList();
        admin.deleteAcls(stale).all().get();
        admin.createAcls(missing).all().get();
        // the calls return once the controller has committed them; clients are served by the broker's copy
        awaitVisible("SCRAM credentials of " + logins.users(),
                () -> described(admin, logins) == logins.users().size());
        awaitVisible("ACLs of the services", () -> expected.equals(servicesAcls(admin)));
    }

    static List<AclBinding> acls(KafkaAccess access) {
        List<AclBinding> acls = new ArrayList<>();
        access.writes().forEach(topic ->
                acls.add(allow(access, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        access.reads().forEach(topic ->
                acls.add(allow(access, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
        if (access.readsAny()) {
            acls.add(allow(access, ResourceType.GROUP, access.groupPrefix(), PatternType.PREFIXED, AclOperation.READ));
        }
        return acls;
    }

    private static AclBinding allow(KafkaAccess access, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal(access), "*", operation, AclPermissionType.ALLOW));
    }

    private static String principal(KafkaAccess access) {
        return "User:" + access.user();
    }

    private static int described(Admin admin, KafkaLogins logins) {
        try {
            return admin.describeUserScramCredentials(List.copyOf(logins.users())).all().get().size();
        } catch (ExecutionException e) {
            return 0; // a user not yet known to the broker fails the whole call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<AclBinding> servicesAcls(Admin admin) {
        try {
            // other users' ACLs (a developer's own) are left alone
            return admin.describeAcls(AclBindingFilter.ANY).values().get().stream()
                    .filter(acl -> PersonaService.byId(acl.entry().principal().substring("User:".length())) != null)
                    .collect(Collectors.toSet());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list the broker's ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitVisible(String what, BooleanSupplier visible) throws InterruptedException {
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        while (!visible.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not visible on the broker after " + VISIBLE_WITHIN);
            }
            Thread.sleep(50);
        }
    }
}
