package ai.persona.gateway.messaging;

/**
 * The event ids of one try of an idempotent turn: the turn itself ({@link #turn}), or what a failed try kept of the
 * user's message ({@link #kept}). Each names the other as {@code sameFirstMessageAs}, so session-service stores the
 * user's message once whichever of the two it records first, however often the turn is tried.
 *
 * @param eventId the event's id
 * @param sameFirstMessageAs the other try's event id
 */
public record TurnTry(String eventId, String sameFirstMessageAs) {

    private static final String KEPT = "-kept";

    /** The turn's messages, the user's and the reply, under the turn's id. */
    public static TurnTry turn(String turnId) {
        return new TurnTry(turnId, turnId + KEPT);
    }

    /** The user's message alone, kept when a try of the turn failed. */
    public static TurnTry kept(String turnId) {
        return new TurnTry(turnId + KEPT, turnId);
    }
}
