package ai.persona.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ai.persona.gateway.rest.InputIds;
import io.quarkus.security.UnauthorizedException;

/**
 * The user a request acts for: the subject of its bearer token, and nothing the request says otherwise. Every
 * user-facing endpoint reads and changes this user's data only, so no path or body can reach another user's.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    /** The subject, held to the rule for ids that session-service applies too (a NUL in it could not be stored). */
    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the token has no subject");
        }
        return InputIds.check("sub", subject);
    }
}
