package ai.persona.session.rest;

import ai.persona.runtime.problem.ProblemException;

/** The persona's version travels as a strong ETag ("7"); If-Match takes it back, weak or bare forms accepted. */
final class ETags {

    private ETags() {
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must carry a persona version such as \"7\"");
        }
    }
}
