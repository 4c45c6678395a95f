package ai.persona.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "auth0|5f7c8e9d", "google-oauth2|1234567890", "ann.lee+persona@example.com",
            "José-Müller-東京", "samlp|corp|CN=Ann Lee", "waad|x y z", "550e8400-e29b-41d4-a716-446655440000", "a",
            "emoji-😀-ok" })
    void everyIdALoginProviderIssuesIsAnId(String id) {
        assertThat(UserIds.problem(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "nul\u0000byte", "line\nforged", "cr\rx", "tab\tx", "del\u007fx", "c1\u0085x",
            "sep\u2028x", "lone\ud800", "\udc00low", "a/b", " leading", "trailing " })
    void whatCannotBeAnIdIsRefusedWithAReason(String id) {
        assertThat(UserIds.problem(id)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void anIdOverTheLimitIsRefusedAndNullIsRequired() {
        assertThat(UserIds.problem("x".repeat(UserIds.MAX_LENGTH))).isEmpty();
        assertThat(UserIds.problem("x".repeat(UserIds.MAX_LENGTH + 1))).contains("is longer than 200 characters");
        assertThat(UserIds.problem(null)).contains("is required");
    }
}
