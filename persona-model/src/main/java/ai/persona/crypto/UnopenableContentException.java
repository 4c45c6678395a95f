package ai.persona.crypto;

/** Sealed content that does not open: another key (the user's was destroyed), or altered on the way. */
public class UnopenableContentException extends RuntimeException {

    public UnopenableContentException(String message) {
        super(message, null, false, false);
    }
}
