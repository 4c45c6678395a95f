package ai.persona.gateway.auth;

import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ai.persona.input.UserIds;

/**
 * App keys: bearer tokens signed like users' tokens, whose {@code groups} claim holds {@link #ROLE} and whose subject
 * is the app's id. An app acts for users it names per request, each in the app's own namespace: the persona user of
 * app {@code webui}'s end user {@code alice} is {@code app:webui:alice}. An app id has no colon, so the first colon
 * after the prefix ends it and no two (app, user) pairs give one id; a user's own token with a subject in the
 * namespace is refused (see CurrentUser), so no user can be an app's user by their login name.
 */
public final class AppKeys {

    /** The role (JWT {@code groups}) that makes a token an app key; local-infra's token command mints it too. */
    public static final String ROLE = "persona-app";
    /** The start of every app user's persona id. */
    public static final String NAMESPACE = "app:";

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AppKeys() {
    }

    public static boolean isAppKey(JsonWebToken token) {
        return token.getGroups() != null && token.getGroups().contains(ROLE);
    }

    /** Whether an app id is one an app key may carry: 1-64 letters, digits, dots, underscores or hyphens. */
    public static boolean validAppId(String appId) {
        return appId != null && APP_ID.matcher(appId).matches();
    }

    /** The persona user id of an app's end user: {@code app:<app>:<user>}, held to UserIds' rule. */
    public static String personaUserId(String appId, String endUser) {
        return NAMESPACE + appId + ":" + endUser;
    }

    /** The characters an end user's id may have for this app, so that the persona user id stays within UserIds'. */
    public static int maxEndUserLength(String appId) {
        return UserIds.MAX_LENGTH - personaUserId(appId, "").length();
    }

    public static boolean inNamespace(String userId) {
        return userId.startsWith(NAMESPACE);
    }
}
