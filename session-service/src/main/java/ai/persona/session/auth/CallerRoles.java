package ai.persona.session.auth;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.runtime.identity.ServiceCallerRoles;

/**
 * session-service's callers are services: each verified token gets the role of the caller whose key signed it
 * ({@link ServiceCallerRoles}); the endpoints' {@code @RolesAllowed} say which caller may do what (README,
 * Authentication).
 */
@ApplicationScoped
public class CallerRoles extends ServiceCallerRoles {
}
