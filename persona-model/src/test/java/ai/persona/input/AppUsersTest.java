package ai.persona.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppUsersTest {

    @Test
    void anAppsUserIsNamespacedByTheApp() {
        assertThat(AppUsers.personaUserId("webui", "alice")).isEqualTo("app:webui:alice");
        assertThat(AppUsers.personaUserId("webui", "alice")).isNotEqualTo(AppUsers.personaUserId("chat", "alice"));
        assertThat(AppUsers.inNamespace(AppUsers.personaUserId("webui", "alice"))).isTrue();
        assertThat(AppUsers.inNamespace("auth0|alice")).isFalse();
    }

    @Test
    void anAppIdHasNoColonSoNoTwoAppsAndUsersGiveOneId() {
        assertThat(AppUsers.validAppId("open-webui_2.0")).isTrue();
        assertThat(AppUsers.validAppId("a:b")).isFalse();
        assertThat(AppUsers.validAppId("")).isFalse();
        assertThat(AppUsers.validAppId("x".repeat(65))).isFalse();
        assertThat(AppUsers.validAppId(null)).isFalse();
    }

    @Test
    void theLongestEndUserIdKeepsThePersonaUserIdAnId() {
        String longest = "u".repeat(AppUsers.maxEndUserLength("webui"));
        assertThat(UserIds.valid(AppUsers.personaUserId("webui", longest))).isTrue();
        assertThat(UserIds.valid(AppUsers.personaUserId("webui", longest + "u"))).isFalse();
    }
}
