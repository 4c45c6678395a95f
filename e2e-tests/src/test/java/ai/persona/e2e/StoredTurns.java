package ai.persona.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.persona.e2e.PatientClient.Session;
import ai.persona.e2e.PatientClient.Turn;
import ai.persona.e2e.Stored.MessageRow;

/**
 * How a stored session may differ from what its client saw, and how it may not.
 *
 * <p>The gateway answers a turn only after the broker acknowledged its event, so a turn the client saw answered is
 * recorded: its message must be stored followed by its reply, and after the turn answered before it. A client that got
 * no answer cannot know whether its attempt was recorded, and sends it again; an attempt that failed may still have
 * been recorded, its message even twice (the reply's event failed late, and the gateway then recorded the message alone,
 * as it does after a failed turn so that nothing the user wrote is lost). So a turn answered at its first attempt is
 * stored exactly once, and a turn that took n attempts that may have reached the gateway at least once and at most
 * 2n - 1 times. Nothing else is in the session, and a redelivered event (session-service killed after its commit)
 * adds nothing.</p>
 */
final class StoredTurns {

    private StoredTurns() {
    }

    /** Empty when the stored messages are what the client's turns allow. */
    static List<String> problems(Session session, List<MessageRow> messages, int messageCount) {
        List<String> problems = new ArrayList<>();
        String where = session.id() + ": ";
        if (messages.size() != messageCount) {
            problems.add(where + messageCount + " messages counted, " + messages.size() + " stored");
        }
        Set<String> said = session.turns().stream().map(Turn::content).collect(Collectors.toSet());
        for (MessageRow m : messages) {
            boolean ours = m.role().equals("USER") ? said.contains(m.content())
                    : m.role().equals("ASSISTANT") && LlmStub.CHAT_REPLY.equals(m.content());
            if (!ours) {
                problems.add(where + "a message nobody said: " + m);
            }
        }
        int previousAnswered = -1;
        for (Turn turn : session.turns()) {
            List<Integer> copies = IntStream.range(0, messages.size())
                    .filter(i -> messages.get(i).role().equals("USER") && turn.content().equals(messages.get(i).content()))
                    .boxed().toList();
            int answeredAt = copies.stream()
                    .filter(i -> i + 1 < messages.size() && messages.get(i + 1).role().equals("ASSISTANT"))
                    .findFirst().orElse(-1);
            if (answeredAt < 0) {
                problems.add(where + "answered turn missing with its reply (" + copies.size() + " copies of its message): "
                        + turn);
            } else if (copies.size() > 2 * turn.attempts() - 1) {
                problems.add(where + "stored " + copies.size() + " times after " + turn.attempts() + " attempts: " + turn);
            } else if (copies.get(0) < previousAnswered) {
                problems.add(where + "stored before the turn answered before it: " + turn);
            }
            previousAnswered = Math.max(previousAnswered, answeredAt);
        }
        return problems;
    }
}
