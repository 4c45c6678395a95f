package ai.persona.identity;

import java.util.Set;

/**
 * How one service proves to another who it is, the rule the callers that mint service tokens (chat-gateway,
 * persona-updater, an operator's tools) and the services that verify them (session-service, persona-updater) must
 * agree on. A service token is a short-lived JWT signed with the caller's own private key; its {@code kid} header and
 * its subject both name the caller, its audience names the service it is for. A verifier holds the callers' public keys
 * as one JWKS (each key's {@code kid} a caller's name) and grants the token exactly one role: the caller's name. Roles
 * come from the key, never from the token's claims, so a caller's stolen key gives nothing beyond that caller's rights.
 */
public final class ServiceIdentity {

    /** Issuer of every service token. */
    public static final String ISSUER = "ai-persona-services";

    public static final String GATEWAY = "chat-gateway";
    public static final String UPDATER = "persona-updater";
    public static final String SESSION_SERVICE = "session-service";
    /** Operators and their tools (personabench-eval, scripts): batch reruns, flushes, sweeps, listings of every user. */
    public static final String ADMIN = "admin";

    /** Everyone who may hold a service key; each is a role of the same name on the verifying side. */
    public static final Set<String> CALLERS = Set.of(GATEWAY, UPDATER, ADMIN);

    private ServiceIdentity() {
    }
}
