package ai.persona.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PatchIdsTest {

    @Test
    void theIdDependsOnTheSessionsNotOnTheirOrder() {
        assertThat(PatchIds.of("u1", List.of("s2", "s1", "s3"))).isEqualTo(PatchIds.of("u1", List.of("s1", "s2", "s3")));
    }

    @Test
    void anotherUserOrAnotherSessionGivesAnotherId() {
        assertThat(PatchIds.of("u1", List.of("s1", "s2"))).isNotEqualTo(PatchIds.of("u2", List.of("s1", "s2")))
                .isNotEqualTo(PatchIds.of("u1", List.of("s1", "s3")))
                .isNotEqualTo(PatchIds.of("u1", List.of("s1")));
    }
}
