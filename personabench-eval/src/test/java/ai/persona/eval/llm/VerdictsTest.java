package ai.persona.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.eval.llm.Verdicts.Scores;
import ai.persona.eval.llm.Verdicts.Similarity;
import ai.persona.eval.llm.Verdicts.UserTurn;
import ai.persona.eval.llm.Verdicts.Winner;

class VerdictsTest {

    @Test
    void scoresInTheStrictFormatAreRead() {
        assertThat(Verdicts.scores("{\"helpfulness\": 7, \"personalization\": 9}")).contains(new Scores(7, 9));
    }

    @Test
    void aCodeFenceAroundTheObjectIsTolerated() {
        assertThat(Verdicts.scores("```json\n{\"helpfulness\": 0, \"personalization\": 10}\n```"))
                .contains(new Scores(0, 10));
    }

    @Test
    void proseOutOfRangeOrMissingFieldsAreUnparsableNeverGuessed() {
        assertThat(Verdicts.scores("helpfulness: 7/10, personalization: high")).isEmpty();
        assertThat(Verdicts.scores("{\"helpfulness\": 11, \"personalization\": 5}")).isEmpty();
        assertThat(Verdicts.scores("{\"helpfulness\": 7.5, \"personalization\": 5}")).isEmpty();
        assertThat(Verdicts.scores("{\"helpfulness\": \"7\", \"personalization\": 5}")).isEmpty();
        assertThat(Verdicts.scores("{\"helpfulness\": 7}")).isEmpty();
        assertThat(Verdicts.scores("I rate it {\"helpfulness\": 7, \"personalization\": 5}")).isEmpty();
        assertThat(Verdicts.similarity("{\"consistency\": -1, \"detail\": 3}")).isEmpty();
    }

    @Test
    void aUserWhoContinuesMustSaySomething() {
        assertThat(Verdicts.userTurn("{\"satisfied\": true}")).contains(new UserTurn(true, null));
        assertThat(Verdicts.userTurn("{\"satisfied\": false, \"message\": \"再详细一点\"}"))
                .contains(new UserTurn(false, "再详细一点"));
        assertThat(Verdicts.userTurn("{\"satisfied\": false}")).isEmpty();
        assertThat(Verdicts.userTurn("{\"satisfied\": \"yes\"}")).isEmpty();
    }

    @Test
    void pairwiseWinnerIsOneOfThreeWords() {
        assertThat(Verdicts.winner("{\"winner\": \"a\"}")).contains(Winner.A);
        assertThat(Verdicts.winner("{\"winner\": \"tie\"}")).contains(Winner.TIE);
        assertThat(Verdicts.winner("{\"winner\": \"both\"}")).isEmpty();
    }

    @Test
    void paperSimulatorChecksSatisfactionApartFromWritingTheFollowUp() {
        assertThat(Verdicts.satisfaction("{\"satisfied\": false}")).contains(false);
        assertThat(Verdicts.satisfaction("<满意>")).isEmpty();
        assertThat(Verdicts.followUp("{\"message\": \"换个便宜点的\"}")).contains("换个便宜点的");
        assertThat(Verdicts.followUp("{\"message\": \" \"}")).isEmpty();
    }

    @Test
    void holisticSimilarityIsTheFigureWithItsTwoScalesBesideIt() {
        Similarity read = Verdicts.holisticSimilarity("{\"rationale\": \"close\", \"similarity\": 7, "
                + "\"consistency\": 6, \"detail\": 4}").orElseThrow();
        assertThat(read).isEqualTo(new Similarity(7, 6, 4));
        assertThat(read.score()).isEqualTo(7.0);
        assertThat(new Similarity(6, 4).score()).as("strict: the mean of the two").isEqualTo(5.0);
        assertThat(Verdicts.holisticSimilarity("{\"consistency\": 6, \"detail\": 4}")).isEmpty();
    }
}
