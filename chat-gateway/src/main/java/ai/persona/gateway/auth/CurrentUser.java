package ai.persona.gateway.auth;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.openai.ChatCompletions;
import ai.persona.gateway.rest.InputIds;
import ai.persona.input.AppUsers;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The user a request acts for. With a user's token: the token's subject, and nothing the request says otherwise (a
 * request naming another user is refused). With an app key ({@link AppKeys}): on the endpoints apps use (chat
 * completions, responses, the memory API), the end user the request names, in the app's namespace; every other
 * endpoint refuses an app key, since it has no user of its own.
 */
@RequestScoped
public class CurrentUser {

    private static final String USER_FIELD = "user";

    private final JsonWebToken token;
    private final HttpServerRequest request;
    private final IdentityConfig config;
    private final OnBehalfAudit audit;

    public CurrentUser(JsonWebToken token, HttpServerRequest request, IdentityConfig config, OnBehalfAudit audit) {
        this.token = token;
        this.request = request;
        this.config = config;
        this.audit = audit;
    }

    /** The token's own user, for endpoints that act for it alone; an app key and a header naming another get 403. */
    public String id() {
        if (AppKeys.isAppKey(token)) {
            throw forbidden(null, "an app key acts for its users on /v1/chat/completions, /v1/responses and the memory "
                    + "API only; this endpoint needs the user's own token");
        }
        return ownId(null);
    }

    /** The user of a memory API call: the token's, or for an app key the one its user header names. */
    public String actingFor() {
        return actingFor(null);
    }

    /**
     * The user of a chat completion or response: the token's; for an app key, the one named by the body's OpenAI
     * {@code user} field or the user header (the two must agree), logged as an on-behalf-of request.
     *
     * @param bodyUser the body's "user" member (a missing node when absent); null where the body has no such field
     */
    public String actingFor(JsonNode bodyUser) {
        String fromBody = bodyUser(bodyUser);
        if (!AppKeys.isAppKey(token)) {
            return ownId(fromBody);
        }
        String header = config.userHeader();
        String fromHeader = InputIds.check(header, request.getHeader(header));
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw ProblemException.badField(USER_FIELD, "\"user\" and " + header + " name different users; name one");
        }
        String endUser = fromBody != null ? fromBody : fromHeader;
        String field = fromBody != null ? USER_FIELD : header;
        String app = appId();
        if (endUser == null) {
            throw ProblemException.badField(bodyUser == null ? header : USER_FIELD, "an app key acts for one of the "
                    + "app's users: name them in the " + header + " header" + (bodyUser == null ? ""
                            : " or the request's \"user\" field"));
        }
        if (endUser.length() > AppUsers.maxEndUserLength(app)) {
            throw ProblemException.badField(field, field + " is longer than " + AppUsers.maxEndUserLength(app)
                    + " characters, the most app " + app + "'s user ids may have");
        }
        String personaUser = AppUsers.personaUserId(app, endUser);
        audit.actedFor(app, endUser, personaUser, request.method().name(), request.path());
        return personaUser;
    }

    /** The chat the request names: X-Session-Id, else the configured chat header; null when neither is sent. */
    public String chatId() {
        String session = request.getHeader(ChatCompletions.SESSION_HEADER);
        if (session != null) {
            return session;
        }
        String header = config.chatHeader();
        return InputIds.check(header, request.getHeader(header));
    }

    // the subject, held to the rule for ids that session-service applies too (a NUL in it could not be stored)
    private String ownId(String fromBody) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the token has no subject");
        }
        String own = InputIds.check("sub", subject);
        if (AppUsers.inNamespace(own)) {
            throw forbidden(null, "user ids starting with \"" + AppUsers.NAMESPACE + "\" are apps' users; they are "
                    + "reached through their app's key");
        }
        String header = config.userHeader();
        String fromHeader = request.getHeader(header);
        if (fromHeader != null && !fromHeader.equals(own)) {
            throw forbidden(header, "a user's token acts for its own user only; " + header + " names another");
        }
        if (fromBody != null && !fromBody.equals(own)) {
            throw forbidden(USER_FIELD, "a user's token acts for its own user only; \"user\" names another");
        }
        return own;
    }

    private String appId() {
        String app = token.getSubject();
        if (!AppUsers.validAppId(app)) {
            throw forbidden(null, "this app key's subject is not an app id (1-64 letters, digits, '.', '_' or '-')");
        }
        return app;
    }

    private static String bodyUser(JsonNode user) {
        if (user == null || user.isMissingNode() || user.isNull()) {
            return null;
        }
        if (!user.isTextual()) {
            throw ProblemException.badField(USER_FIELD, "\"user\" is a string: the id of the user the request is for");
        }
        return InputIds.check(USER_FIELD, user.asText());
    }

    private static ProblemException forbidden(String field, String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, field == null ? Map.of()
                : Map.of("field", field));
    }
}
