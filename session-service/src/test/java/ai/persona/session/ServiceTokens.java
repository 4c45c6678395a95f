package ai.persona.session;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.ServiceKeysTestResource;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Real service tokens for the tests: before each test, every RestAssured call without an {@code Authorization} header
 * gets an admin token (registered in META-INF/services), so the functional tests call as an operator would. Tests of
 * authentication itself send their own header, or none with {@code given().noFilters()}.
 */
public class ServiceTokens implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(AdminToken.class::isInstance)) {
            RestAssured.filters(new AdminToken());
        }
    }

    /** A five-minute token of the caller for session-service, signed with the caller's key. */
    public static String tokenOf(String caller) {
        return ServiceKeysTestResource.keys().tokenFor(caller, ServiceIdentity.SESSION_SERVICE);
    }

    private static final class AdminToken implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + tokenOf(ServiceIdentity.ADMIN));
            }
            return context.next(request, response);
        }
    }
}
