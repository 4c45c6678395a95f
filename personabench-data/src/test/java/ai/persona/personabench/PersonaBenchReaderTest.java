package ai.persona.personabench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Runs everywhere: fixtures the project wrote itself, in PersonaBench's format and with its quirks. */
class PersonaBenchReaderTest {

    private final PersonaBenchReader reader = new PersonaBenchReader(resource("personabench-fixture"));

    @Test
    void listsPersonasByTheirChineseFileNames() {
        assertThat(reader.isAvailable()).isTrue();
        assertThat(reader.personaNames()).containsExactlyInAnyOrder("测试用户", "小明");
    }

    @Test
    void readsGoldenPersonaAndScenesInOrder() {
        BenchPersona persona = reader.read("测试用户");

        assertThat(persona.golden().at("/Demographics/Name").asText()).isEqualTo("测试用户");
        assertThat(persona.golden().at("/Demographics/Age").asInt()).isEqualTo(35);
        assertThat(persona.commonScenes()).extracting(Scene::name).containsExactly("茶叶推荐", "天气查询");
        assertThat(persona.scenes()).hasSize(3);
        Scene first = persona.commonScenes().get(0);
        assertThat(first.availableApis()).containsKey("webSearch");
        assertThat(first.availableApis().get("webSearch").arguments()).containsExactly("query");
        assertThat(persona.commonScenes().get(1).availableApis()).isEmpty();
    }

    @Test
    void nullFieldsAreLeftOutOfTheGoldenPersona() {
        assertThat(reader.read("测试用户").golden().path("Preference").has("Preferred_Formats")).isFalse();
    }

    @Test
    void neutralizedQueryTagsAreStripped() {
        BenchPersona persona = reader.read("测试用户");
        assertThat(persona.commonScenes().get(0).neutralizedQuery()).isEqualTo("秋天适合喝什么茶？");
        assertThat(persona.commonScenes().get(1).neutralizedQuery()).isEqualTo("明天会下雨吗？");
    }

    @Test
    void placeholderSceneNameIsRecoveredAndFlagged() {
        Scene specific = reader.read("测试用户").specificScenes().get(0);
        assertThat(specific.placeholderName()).isTrue();
        assertThat(specific.name()).isEqualTo("书法展览");
        assertThat(specific.summary()).startsWith("测试用户想去看");
        assertThat(specific.context()).isEmpty();
        assertThat(specific.kind()).isEqualTo(Scene.Kind.SPECIFIC);
    }

    @Test
    void pickledFileIsReadAndTheOldFormatsSpellingNormalized() {
        BenchPersona persona = reader.read("小明");
        assertThat(persona.golden().at("/Demographics/Name").asText()).isEqualTo("小明");
        assertThat(persona.golden().has("小明")).isFalse();
        assertThat(persona.golden().at("/Preference/Preferred_Formats").asText()).isEqualTo("喜欢列表");
        assertThat(persona.commonScenes()).hasSize(1);
        assertThat(persona.specificScenes()).isEmpty();
    }

    @Test
    void unreadableFileFailsNamingTheFile() {
        PersonaBenchReader broken = new PersonaBenchReader(resource("personabench-broken"));
        assertThatThrownBy(() -> broken.read("坏文件")).isInstanceOf(PersonaBenchException.class)
                .hasMessageContaining("坏文件.json").hasMessageContaining("neither JSON nor a Python pickle");
    }

    @Test
    void missingPersonaFailsClearly() {
        assertThatThrownBy(() -> reader.read("没有这个人")).isInstanceOf(PersonaBenchException.class)
                .hasMessageContaining("no such persona");
    }

    static Path resource(String name) {
        try {
            return Path.of(PersonaBenchReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
