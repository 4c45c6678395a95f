package ai.persona.model.guard;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configurable category's keywords as one pattern. Chinese has no spaces between words, so a Chinese term matches
 * anywhere; a Latin-script keyword matches as a whole word, in any case, except an all-capital acronym (HIV, AIDS, LGBT),
 * which matches only in capitals so that "hearing aids" is no diagnosis.
 */
final class KeywordMatcher {

    private final Pattern pattern;

    KeywordMatcher(List<String> keywords) {
        this.pattern = keywords.isEmpty() ? null
                : Pattern.compile(keywords.stream().map(KeywordMatcher::alternative).collect(Collectors.joining("|")));
    }

    boolean matches(String text) {
        return pattern != null && pattern.matcher(text).find();
    }

    private static String alternative(String keyword) {
        if (!keyword.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c))) {
            return Pattern.quote(keyword);
        }
        boolean acronym = keyword.equals(keyword.toUpperCase()) && keyword.length() > 1;
        return (acronym ? "" : "(?iu:") + "(?<![\\p{IsLatin}])" + Pattern.quote(keyword) + "(?![\\p{IsLatin}])"
                + (acronym ? "" : ")");
    }
}
