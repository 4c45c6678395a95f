package ai.persona.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way current OpenAI models do (o200k_base). Other models tokenize differently; budgets are guides with
 * headroom, not exact limits of a particular model.
 */
public final class TokenCounter {

    // Building the registry loads the vocabularies: do it once per JVM.
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCounter() {
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }
}
