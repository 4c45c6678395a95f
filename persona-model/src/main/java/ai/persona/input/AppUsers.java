package ai.persona.input;

import java.util.regex.Pattern;

/**
 * Apps that act for their own users with one app key (a chat front-end such as Open WebUI): the rule the gateway, which
 * verifies app keys, and the tools that mint them (local-infra's {@code token --app}) agree on. An app key is a bearer
 * token whose {@code groups} claim holds {@link #ROLE} and whose subject is the app's id. Each app's users live in a
 * namespace of their own: app {@code webui}'s user {@code alice} is the persona user {@code app:webui:alice}. An app id
 * has no colon, so the first colon after the prefix ends it and no two (app, user) pairs give one id.
 */
public final class AppUsers {

    /** The role (JWT {@code groups}) that makes a token an app key. */
    public static final String ROLE = "persona-app";
    /** The start of every app user's persona user id; a user's own token may not have a subject that starts so. */
    public static final String NAMESPACE = "app:";

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AppUsers() {
    }

    /** Whether an app id is one an app key may carry: 1-64 letters, digits, dots, underscores or hyphens. */
    public static boolean validAppId(String appId) {
        return appId != null && APP_ID.matcher(appId).matches();
    }

    /** The persona user id of an app's end user; check it with {@link UserIds#problem} (its length). */
    public static String personaUserId(String appId, String endUser) {
        return NAMESPACE + appId + ":" + endUser;
    }

    /** The most characters an end user's id may have for this app, so that the persona user id stays an id. */
    public static int maxEndUserLength(String appId) {
        return UserIds.MAX_LENGTH - personaUserId(appId, "").length();
    }

    public static boolean inNamespace(String userId) {
        return userId.startsWith(NAMESPACE);
    }
}
