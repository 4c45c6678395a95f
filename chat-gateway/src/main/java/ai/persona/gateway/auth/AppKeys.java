package ai.persona.gateway.auth;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ai.persona.input.AppUsers;

/**
 * App keys: bearer tokens signed like users' tokens, whose {@code groups} claim holds {@link AppUsers#ROLE} and whose
 * subject is the app's id. An app acts for the users it names per request, each in the app's own namespace
 * ({@link AppUsers}); a user's own token with a subject in that namespace is refused (see CurrentUser), so no user
 * can be an app's user by their login name.
 */
public final class AppKeys {

    private AppKeys() {
    }

    public static boolean isAppKey(JsonWebToken token) {
        return token.getGroups() != null && token.getGroups().contains(AppUsers.ROLE);
    }
}
