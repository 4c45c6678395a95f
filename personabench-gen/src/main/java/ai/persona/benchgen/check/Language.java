package ai.persona.benchgen.check;

import java.lang.Character.UnicodeScript;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language the benchmark is written in ({@code --language}, a BCP 47 tag) and the check that a text is in it.
 * The check is by writing system, not by language: a text passes when at least half of its words are in the
 * language's script (a Han, kana or Hangul character counts as one word, as does a run of letters of another
 * script). It tells Chinese from English or Russian, but not English from German (both Latin), nor Chinese from
 * Japanese written mostly in kanji; identifiers such as API names are not checked.
 */
public record Language(String tag, String name, Set<UnicodeScript> scripts) {

    static final double MIN_SHARE = 0.5;

    private static final Map<String, Set<UnicodeScript>> SCRIPTS = Map.ofEntries(
            Map.entry("zh", Set.of(UnicodeScript.HAN)),
            Map.entry("ja", Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
            Map.entry("ko", Set.of(UnicodeScript.HANGUL, UnicodeScript.HAN)),
            Map.entry("ru", Set.of(UnicodeScript.CYRILLIC)), Map.entry("uk", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("bg", Set.of(UnicodeScript.CYRILLIC)), Map.entry("sr", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("el", Set.of(UnicodeScript.GREEK)), Map.entry("he", Set.of(UnicodeScript.HEBREW)),
            Map.entry("ar", Set.of(UnicodeScript.ARABIC)), Map.entry("fa", Set.of(UnicodeScript.ARABIC)),
            Map.entry("hi", Set.of(UnicodeScript.DEVANAGARI)), Map.entry("th", Set.of(UnicodeScript.THAI)));

    public static Language of(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String code = locale.getLanguage();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("--language: '" + tag + "' is not a language tag (e.g. en, zh, de)");
        }
        String name = "zh".equals(code) ? "Simplified Chinese (简体中文)" : locale.getDisplayLanguage(Locale.ENGLISH);
        return new Language(tag, name, SCRIPTS.getOrDefault(code, Set.of(UnicodeScript.LATIN)));
    }

    /** Why the text is not in this language, or null when it is (or has no letters to tell by). */
    public String problem(String what, String text) {
        int words = 0;
        int inScript = 0;
        UnicodeScript previous = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                previous = null;
                continue;
            }
            UnicodeScript script = UnicodeScript.of(codePoint);
            if (script != previous || isPerCharacter(script)) {
                words++;
                inScript += scripts.contains(script) ? 1 : 0;
            }
            previous = script;
        }
        if (words == 0 || inScript >= MIN_SHARE * words) {
            return null;
        }
        return String.format(Locale.ROOT, "%s is not in %s: %d of %d words in its script", what, name, inScript, words);
    }

    private static boolean isPerCharacter(UnicodeScript script) {
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA;
    }
}
