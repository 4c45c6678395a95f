package ai.persona.updater.llm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the optimizer's JSON answer. Lenient about the wrapping local models add despite JSON mode (code fences, a
 * sentence before or after), strict about the content: every problem is named so the repair request can quote it.
 */
@ApplicationScoped
public class AnswerParser {

    // longer than a year is no temporary state; such a value is written as a lasting one
    static final int MAX_DAYS = 366;

    private static final Set<String> ACTIONS = Set.of(ProposedChange.ADD, ProposedChange.UPDATE, ProposedChange.REMOVE);

    private final ObjectMapper mapper;

    public AnswerParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ParsedAnswer parse(String answer) {
        int start = answer == null ? -1 : answer.indexOf('{');
        int end = answer == null ? -1 : answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return unreadable("the answer is not a JSON object");
        }
        JsonNode root;
        try {
            root = mapper.readTree(answer.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return unreadable("the answer is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode operations = root.get("operations");
        if (operations == null || !operations.isArray()) {
            return unreadable("the answer has no \"operations\" array");
        }
        List<ProposedChange> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            read(operations.get(i), "operation " + (i + 1) + ": ", changes, problems);
        }
        return new ParsedAnswer(changes, problems);
    }

    private static void read(JsonNode op, String where, List<ProposedChange> changes, List<String> problems) {
        if (!op.isObject()) {
            problems.add(where + "is not an object");
            return;
        }
        String action = text(op, "action");
        String section = text(op, "section");
        String field = text(op, "field");
        String reason = text(op, "reason");
        JsonNode value = op.get("value");
        int before = problems.size();
        if (action == null || !ACTIONS.contains(action)) {
            problems.add(where + "\"action\" must be one of " + ACTIONS);
        }
        if (section == null || field == null) {
            problems.add(where + "\"section\" and \"field\" are required");
        }
        if (reason == null) {
            problems.add(where + "\"reason\" is required");
        }
        boolean removal = ProposedChange.REMOVE.equals(action);
        if (!removal && (value == null || value.isNull())) {
            problems.add(where + "\"value\" is required for " + action);
        }
        LocalDate until = date(op, where, problems);
        Integer days = days(op, where, problems);
        if (until != null && days != null) {
            problems.add(where + "give either \"until\" or \"days\", not both");
        }
        if (removal && (until != null || days != null)) {
            problems.add(where + "remove_field takes no \"until\" or \"days\"");
        }
        if (problems.size() == before) {
            changes.add(new ProposedChange(action, section, field, removal ? null : value, reason, until, days));
        }
    }

    /** A temporary value's last day: "until": "YYYY-MM-DD" (docs/persona-over-time.md). */
    private static LocalDate date(JsonNode op, String where, List<String> problems) {
        JsonNode until = op.get("until");
        if (until == null || until.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(until.asText().strip());
        } catch (DateTimeParseException e) {
            problems.add(where + "\"until\" must be a date YYYY-MM-DD, not '" + until.asText() + "'");
            return null;
        }
    }

    /** A temporary value's rough length: "days": N, a whole number from 1 to MAX_DAYS. */
    private static Integer days(JsonNode op, String where, List<String> problems) {
        JsonNode days = op.get("days");
        if (days == null || days.isNull()) {
            return null;
        }
        if (!days.canConvertToInt() || !days.isIntegralNumber() || days.intValue() < 1 || days.intValue() > MAX_DAYS) {
            problems.add(where + "\"days\" must be a whole number from 1 to " + MAX_DAYS);
            return null;
        }
        return days.intValue();
    }

    private static String text(JsonNode op, String name) {
        JsonNode node = op.get(name);
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue().strip() : null;
    }

    private static ParsedAnswer unreadable(String problem) {
        return new ParsedAnswer(List.of(), List.of(problem));
    }
}
