package ai.persona.model.guard;

/**
 * The check digits that tell a real card number or id from any other run of digits. Written out rather than taken from
 * commons-validator: that library would bring beanutils, digester and collections into every service for two ten-line
 * functions, and it has no ISO 7064 MOD 11-2 (China's resident id) at all.
 */
final class Checksums {

    private static final char[] CN_ID_CHECK = "10X98765432".toCharArray();

    private Checksums() {
    }

    /** Luhn (ISO/IEC 7812), as every payment card number carries; {@code digits} holds digits only. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 IBAN: country and check digits moved to the end, letters as 10..35, the number mod 97 is 1. */
    static boolean iban(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    /** GB 11643: the 18th character of a Chinese resident id is ISO 7064 MOD 11-2 over the first 17 digits. */
    static boolean chineseResidentId(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (id.charAt(i) - '0') * weight;
        }
        return Character.toUpperCase(id.charAt(17)) == CN_ID_CHECK[sum % 11];
    }
}
