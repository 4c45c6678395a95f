package ai.persona.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

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

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the token has no subject");
        }
        return subject;
    }
}
