package ai.persona.model.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.ViolationReason;

class SensitiveDataDetectorTest {

    private final SensitiveDataDetector detector = new SensitiveDataDetector(SensitiveDataPolicy.defaults());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my card is 4111 1111 1111 1111|payment-card",
            "卡号 4111-1111-1111-1111|payment-card",
            "Amex 3782 822463 10005|payment-card",
            "银行卡6222021234567890128|payment-card",
            "card ４１１１１１１１１１１１１１１１ (full-width)|payment-card",
            "身份证 11010519491231002X|government-id",
            "身份证号330106199003071236|government-id",
            "IBAN DE89 3704 0044 0532 0130 00|government-id",
            "GB82WEST12345698765432|government-id",
            "SSN 078-05-1120|government-id",
            "key sk-proj-AbCdEfGhIjKlMnOpQrSt|secret",
            "AKIAIOSFODNN7EXAMPLE|secret",
            "-----BEGIN RSA PRIVATE KEY-----|secret",
            "password: hunter22|secret",
            "my wifi password is tr0ub4dor|secret",
            "邮箱密码是abc12345|secret",
            "支付密码：880514|secret",
            "lives at 221B Baker Street|home-address",
            "住在杭州市文三路 123 号|home-address",
            "家在3号楼2单元501室|home-address",
            "was diagnosed with diabetes last year|health",
            "患有抑郁症，在服药|health",
            "recovering from surgery|health",
            "is a devout Muslim|religion",
            "是基督徒，每周做礼拜|religion",
            "identifies as bisexual|sexual-orientation",
            "是同性恋|sexual-orientation",
            "is a registered Republican|political-views",
            "是共产党员|political-views",
    })
    void findsEachCategory(String text, String category) {
        assertThat(detector.categoryOf(text)).contains(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "order number 4111 1111 1111 1112", // 16 digits, Luhn fails
            "订单号 1234567812345678",
            "身份证 110105194912310023", // check digit should be X (and no Luhn pass either)
            "IBAN DE89 3704 0044 0532 0130 02", // mod 97 fails
            "phone 138-0013-8000 or 13800138000",
            "SSN-like 000-12-3456 and 666-12-3456",
            "born 1990-03-07, joined 2015",
            "0000 0000 0000 0000",
            "喜欢研究密码学",
            "uses a password manager",
            "likes Baker Street stories",
            "经常去南京路购物",
            "经常询问健康相关的信息",
            "研究佛教艺术和寺庙建筑",
            "wears hearing aids",
            "相信佛系生活",
            "喜欢心理学和哲学",
            "interested in the history of political parties",
            "gaming and skiing on weekends",
            "支持性别平等和LGBTQ+权益", // a view on rights, not an orientation (real PersonaBench value)
    })
    void leavesLookAlikesAndOrdinaryValuesAlone(String text) {
        assertThat(detector.categoryOf(text)).isEmpty();
    }

    @Test
    void configurableCategoriesCanBeTurnedOffButAlwaysOnOnesCannot() {
        SensitiveDataPolicy healthOnly = SensitiveDataPolicy.defaults().withSpecialCategories(List.of("health"));
        SensitiveDataDetector detector = new SensitiveDataDetector(healthOnly);

        assertThat(detector.categoryOf("是基督徒")).isEmpty();
        assertThat(detector.categoryOf("患有哮喘")).contains("health");
        assertThat(detector.categoryOf("4111111111111111")).contains("payment-card");
        SensitiveDataDetector none = new SensitiveDataDetector(healthOnly.withSpecialCategories(List.of("none")));
        assertThat(none.categoryOf("患有哮喘")).isEmpty();
        assertThatThrownBy(() -> healthOnly.withSpecialCategories(List.of("payment-card")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment-card");
        assertThatThrownBy(() -> healthOnly.withSpecialCategories(List.of("heath")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scanNamesTheCategoryAndPathButNeverTheValue() {
        List<SensitiveFinding> findings = detector.scan(List.of(
                PatchOperation.add("/Demographics/Payment", PersonaFixtures.text("4111 1111 1111 1111"), "the user said so"),
                PatchOperation.replace("/Preference/Preferred_Formats", PersonaFixtures.text("lists"),
                        "mentioned password: hunter22 in passing"),
                PatchOperation.remove("/Pattern/Usage_Pattern", "no longer holds")));

        assertThat(findings).containsExactly(new SensitiveFinding("payment-card", "/Demographics/Payment", false),
                new SensitiveFinding("secret", "/Preference/Preferred_Formats", true));
        assertThat(findings.get(0).toViolation().reason()).isEqualTo(ViolationReason.SENSITIVE_DATA);
        assertThat(findings.get(0).toViolation().message()).contains("payment-card").doesNotContain("4111");
        assertThat(findings.get(1).toViolation().message()).doesNotContain("hunter22");
    }

    @Test
    void nothingInTheFixturePersonasIsFlagged() {
        assertThat(ValuesOf.strings(PersonaFixtures.teaShopOwner()).stream().map(detector::categoryOf)
                .filter(Optional::isPresent)).isEmpty();
    }

    @Test
    void theInstructionNamesEveryEnabledCategory() {
        String instruction = SensitiveDataPolicy.defaults().withSpecialCategories(List.of("health")).neverStoreInstruction();

        assertThat(instruction).contains("payment card numbers", "passwords", "home addresses", "health")
                .doesNotContain("religious");
    }
}
