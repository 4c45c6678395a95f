package ai.persona.updater.auth;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.runtime.identity.ServiceCallerRoles;

/**
 * The updater's callers are services and operators: each verified token gets the role of the caller whose key signed
 * it ({@link ServiceCallerRoles}); the endpoints' {@code @RolesAllowed} say which caller may do what (README,
 * Authentication).
 */
@ApplicationScoped
public class CallerRoles extends ServiceCallerRoles {
}
