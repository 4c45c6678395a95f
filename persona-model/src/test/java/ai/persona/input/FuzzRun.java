package ai.persona.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

/**
 * The run every service's fuzz test makes: generated requests round-robin over its endpoints from one seed, held to one
 * bar: no server error, and a generator that both reaches the checks (over a quarter 4xx) and passes them (some 2xx).
 */
public final class FuzzRun {

    private static final Logger LOG = Logger.getLogger(FuzzRun.class);

    /** What an endpoint answered. */
    public record Answer(int status, String body) {
    }

    /** One endpoint, called with a request made from the generator. */
    public record Endpoint(String name, Function<FuzzInput, Answer> call) {
    }

    private FuzzRun() {
    }

    /** A value percent-encoded as a path segment or query value (a slash too). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param alsoServerError an answer besides a 5xx that is the server's failure (a stream's error event), or none
     */
    public static void assertNoServerError(long seed, int tries, List<Endpoint> endpoints,
            Predicate<Answer> alsoServerError) {
        FuzzInput in = new FuzzInput(seed);
        List<String> serverErrors = new ArrayList<>();
        int[] byClass = new int[6];
        for (int i = 0; i < tries; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            Answer answer = endpoint.call().apply(in);
            byClass[answer.status() / 100]++;
            if (answer.status() >= 500 || alsoServerError.test(answer)) {
                serverErrors.add("try " + i + " " + endpoint.name() + ": " + answer.status() + " " + answer.body());
            }
        }
        LOG.infof("fuzz seed %d: %d tries over %d endpoints: %d 2xx, %d 4xx, %d 5xx", seed, tries, endpoints.size(),
                byClass[2], byClass[4], byClass[5]);
        assertThat(serverErrors).as("5xx answers (seed %d)", seed).isEmpty();
        assertThat(byClass[4]).as("the generator reaches the checks").isGreaterThan(tries / 4);
        assertThat(byClass[2]).as("the generator also makes requests that pass").isPositive();
    }
}
