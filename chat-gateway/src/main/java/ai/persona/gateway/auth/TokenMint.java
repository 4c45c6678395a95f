package ai.persona.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import ai.persona.input.AppUsers;
import io.smallrye.jwt.build.Jwt;

/**
 * Keys and user tokens for the local stack (tests mint their own). From the project root:
 *
 * <pre>
 * mvn -q -pl chat-gateway exec:java -Dtoken-mint.args="keys .local/jwt"
 * mvn -q -pl chat-gateway exec:java -Dtoken-mint.args="token alice --keys .local/jwt --ttl PT12H"
 * mvn -q -pl chat-gateway exec:java -Dtoken-mint.args="app open-webui --keys .local/jwt --ttl P365D"
 * </pre>
 *
 * The gateway verifies with {@code JWT_PUBLIC_KEY_LOCATION=file:.local/jwt/publicKey.pem} and issuer {@code ai-persona}.
 * A user token's subject is the user id; use it as bearer token, or as API key of an OpenAI client. An app key
 * ({@link AppKeys}) has the app id as subject and the app role, and names its end user per request.
 */
public final class TokenMint {

    public static final String ISSUER = "ai-persona";

    private TokenMint() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.size() >= 2 && arguments.get(0).equals("keys")) {
            Path folder = JwtKeys.ensure(Path.of(arguments.get(1)));
            System.out.println("keys in " + folder.toAbsolutePath());
        } else if (arguments.size() >= 2 && arguments.get(0).equals("token")) {
            Path keys = Path.of(option(arguments, "--keys", ".local/jwt"));
            JwtKeys.ensure(keys);
            Duration ttl = Duration.parse(option(arguments, "--ttl", "PT12H"));
            System.out.println(mint(arguments.get(1), keys, option(arguments, "--issuer", ISSUER), ttl));
        } else if (arguments.size() >= 2 && arguments.get(0).equals("app")) {
            Path keys = Path.of(option(arguments, "--keys", ".local/jwt"));
            JwtKeys.ensure(keys);
            Duration ttl = Duration.parse(option(arguments, "--ttl", "P365D"));
            System.out.println(mintApp(arguments.get(1), keys, option(arguments, "--issuer", ISSUER), ttl));
        } else {
            System.out.println("usage: keys <folder> | token <user> [--keys <folder>] [--issuer ai-persona] "
                    + "[--ttl PT12H] | app <app-id> [--keys <folder>] [--issuer ai-persona] [--ttl P365D]");
        }
    }

    public static String mint(String userId, Path keys, String issuer, Duration ttl) throws Exception {
        return Jwt.subject(userId)
                .issuer(issuer)
                .upn(userId)
                .expiresIn(ttl)
                .sign(JwtKeys.privateKey(keys));
    }

    /** An app key: the app id as subject, the app role, no user of its own. */
    public static String mintApp(String appId, Path keys, String issuer, Duration ttl) throws Exception {
        if (!AppUsers.validAppId(appId)) {
            throw new IllegalArgumentException("an app id is 1-64 letters, digits, '.', '_' or '-': " + appId);
        }
        return Jwt.subject(appId)
                .issuer(issuer)
                .groups(AppUsers.ROLE)
                .expiresIn(ttl)
                .sign(JwtKeys.privateKey(keys));
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }
}
