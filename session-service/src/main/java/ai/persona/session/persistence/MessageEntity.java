package ai.persona.session.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "messages")
public class MessageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sessionId;
    public int seq;
    public String role;
    public String content;
    public Instant createdAt;

    /** The OpenAI-shaped tool calls of an assistant message, as JSON. */
    @ColumnTransformer(read = "tool_calls::text", write = "cast(? as text)::jsonb")
    public String toolCalls;

    public String toolCallId;

    public static Uni<List<MessageEntity>> ofSession(String sessionId) {
        return list("sessionId", Sort.ascending("seq"), sessionId);
    }
}
