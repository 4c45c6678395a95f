package ai.persona.model.guard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The always-on categories, found by shape and, where the thing carries one, by its check digits: a run of digits that
 * fails its checksum (an order number, a phone number) is not a card or an id. Text arrives NFKC-normalised, so
 * full-width digits and colons are plain ones.
 */
final class PatternChecks {

    static final String PAYMENT_CARD = "payment-card";
    static final String GOVERNMENT_ID = "government-id";
    static final String SECRET = "secret";
    static final String HOME_ADDRESS = "home-address";

    // 13-19 digits in one run, or in the groups cards are printed in (4-4-4-4[-3], Amex 4-6-5), spaces or dashes between
    private static final Pattern CARD = Pattern.compile(
            "(?<![\\d-])(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){2,3}(?:[ -]\\d{1,3})?|\\d{4}[ -]\\d{6}[ -]\\d{4,5})(?![\\d-])");
    private static final Pattern CN_RESIDENT_ID = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{6}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern IBAN = Pattern.compile(
            "(?<![0-9A-Za-z])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![0-9A-Za-z])");
    // US SSN written with dashes, leaving out the numbers the SSA never issues (000, 666, 9xx areas; 00 group; 0000)
    private static final Pattern US_SSN = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern SECRET_SHAPES = Pattern.compile(String.join("|",
            "\\bsk-[A-Za-z0-9_-]{16,}", // OpenAI / Anthropic style keys
            "\\bAKIA[0-9A-Z]{16}\\b", // AWS access key id
            "\\bgh[pousr]_[A-Za-z0-9]{30,}", // GitHub tokens
            "\\bxox[abprs]-[A-Za-z0-9-]{10,}", // Slack tokens
            "\\bAIza[0-9A-Za-z_-]{35}", // Google API keys
            "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.", // JWTs
            "-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----",
            // a label followed by a value: "password: hunter22", "PIN = 4711", "my api key is abcd1234"
            "(?i)\\b(?:password|passwd|passcode|pin|api[ _-]?key|secret key|access token)\\s*(?:is|[:=])\\s*\\S{4,}",
            "(?:密码|口令|支付密码|登录密码|密钥)\\s*(?:是|为|[:=])?\\s*[A-Za-z0-9!@#$%^&*._+-]{4,}"));
    private static final Pattern ADDRESS = Pattern.compile(String.join("|",
            // 221B Baker Street, 1600 Pennsylvania Avenue: a number and one to three capitalised words before the type
            "\\b\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard"
                    + "|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent)\\b",
            // 文三路 123 号, 南京东路100号
            "(?:路|街|道|巷|弄|胡同)\\s*\\d{1,5}\\s*号",
            // 3 号楼 2 单元 501 室, 5栋1201, 1201室
            "\\d{1,4}\\s*(?:号楼|栋|幢)\\s*(?:\\d{1,3}\\s*单元\\s*)?\\d{2,5}",
            "\\d{3,5}\\s*室"));

    private PatternChecks() {
    }

    /** The first always-on category the text falls in, checked in a fixed order so results are stable. */
    static Optional<String> find(String text) {
        if (governmentId(text)) {
            return Optional.of(GOVERNMENT_ID);
        }
        if (paymentCard(text)) {
            return Optional.of(PAYMENT_CARD);
        }
        if (SECRET_SHAPES.matcher(text).find()) {
            return Optional.of(SECRET);
        }
        if (ADDRESS.matcher(text).find()) {
            return Optional.of(HOME_ADDRESS);
        }
        return Optional.empty();
    }

    static boolean paymentCard(String text) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && !allSame(digits) && Checksums.luhn(digits)) {
                return true;
            }
        }
        return false;
    }

    static boolean governmentId(String text) {
        Matcher id = CN_RESIDENT_ID.matcher(text);
        while (id.find()) {
            if (Checksums.chineseResidentId(id.group())) {
                return true;
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            String compact = iban.group().replace(" ", "");
            if (compact.length() >= 15 && compact.length() <= 34 && Checksums.iban(compact)) {
                return true;
            }
        }
        return US_SSN.matcher(text).find();
    }

    private static boolean allSame(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
