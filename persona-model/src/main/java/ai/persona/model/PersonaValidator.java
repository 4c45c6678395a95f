package ai.persona.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.input.LogText;
import ai.persona.input.UserText;

/** Checks personas and patch operations against the schema and limits, naming every problem precisely. */
public final class PersonaValidator {

    // RFC 6901 knows ~0 and ~1 only; JSON Patch libraries differ on the rest (Jackson keeps it, zjsonpatch throws)
    private static final Pattern BAD_ESCAPE = Pattern.compile("~([^01]|$)");
    private static final Set<String> SUPPORTED_OPS = Set.of("add", "replace", "remove", "test");

    private final PersonaSchema schema;
    private final PersonaLimits limits;
    private final PersonaRenderer renderer;

    public PersonaValidator(PersonaSchema schema, PersonaLimits limits) {
        this.schema = schema;
        this.limits = limits;
        this.renderer = new PersonaRenderer(schema);
    }

    public PersonaSchema schema() {
        return schema;
    }

    public PersonaLimits limits() {
        return limits;
    }

    public List<Violation> validatePersona(JsonNode persona) {
        List<Violation> violations = new ArrayList<>();
        if (persona == null || !persona.isObject()) {
            violations.add(new Violation(ViolationReason.NOT_AN_OBJECT, "", "a persona is an object of sections"));
            return violations;
        }
        Optional<UserText.Problem> unstorable = UserText.firstProblem(persona);
        if (unstorable.isPresent()) {
            violations.add(invalidText(unstorable.get(), ""));
            return violations;
        }
        for (Map.Entry<String, JsonNode> section : persona.properties()) {
            String sectionPath = "/" + escape(section.getKey());
            Optional<SectionSpec> spec = schema.section(section.getKey());
            if (spec.isEmpty()) {
                violations.add(new Violation(ViolationReason.UNKNOWN_SECTION, sectionPath,
                        "the schema has no section '" + section.getKey() + "'"));
            } else if (!section.getValue().isObject()) {
                violations.add(new Violation(ViolationReason.NOT_AN_OBJECT, sectionPath, "a section is an object of fields"));
            } else {
                for (Map.Entry<String, JsonNode> field : section.getValue().properties()) {
                    checkField(spec.get(), field.getKey(), field.getValue(), sectionPath + "/" + escape(field.getKey()),
                            violations);
                }
            }
        }
        if (violations.isEmpty()) {
            int tokens = renderer.render(persona, Integer.MAX_VALUE).tokens();
            if (tokens > limits.maxPersonaTokens()) {
                violations.add(new Violation(ViolationReason.OVER_TOKEN_BUDGET, "",
                        "the persona renders to " + tokens + " tokens, over the budget of " + limits.maxPersonaTokens()));
            }
        }
        return violations;
    }

    /** Checks the operations themselves: kinds, paths, counts, and the values they bring. */
    public List<Violation> validateOperations(List<PatchOperation> operations) {
        List<Violation> violations = new ArrayList<>();
        long changes = operations.stream().filter(op -> !op.isGuard()).count();
        if (changes > limits.maxOperations()) {
            violations.add(new Violation(ViolationReason.TOO_MANY_OPERATIONS, "",
                    changes + " operations, more than the " + limits.maxOperations() + " allowed in one patch"));
        }
        long removals = operations.stream().filter(PatchOperation::isRemoval).count();
        if (removals > limits.maxRemovals()) {
            violations.add(new Violation(ViolationReason.TOO_MANY_REMOVALS, "",
                    removals + " removals, more than the " + limits.maxRemovals() + " allowed in one patch"));
        }
        for (PatchOperation op : operations) {
            checkOperation(op, violations);
        }
        return violations;
    }

    private void checkOperation(PatchOperation op, List<Violation> violations) {
        String path = op.path() == null ? "" : op.path();
        // a violation is stored with a rejected patch: its path and message must be storable text themselves
        Optional<String> unstorablePath = UserText.problem(path);
        if (unstorablePath.isPresent()) {
            violations.add(new Violation(ViolationReason.INVALID_TEXT, "", "the path " + unstorablePath.get()));
            return;
        }
        if (op.op() == null || !SUPPORTED_OPS.contains(op.op())) {
            violations.add(new Violation(ViolationReason.UNSUPPORTED_OPERATION, path, "operation '"
                    + LogText.escape(op.op()) + "' is not one of add, replace, remove, test"));
            return;
        }
        if (BAD_ESCAPE.matcher(path).find()) {
            violations.add(new Violation(ViolationReason.PATH_OUTSIDE_SCHEMA, path,
                    "not a JSON Pointer: '~' is followed by 0 (for ~) or 1 (for /) only"));
            return;
        }
        Optional<String> unstorableReason = UserText.problem(op.reason());
        if (unstorableReason.isPresent()) {
            violations.add(new Violation(ViolationReason.INVALID_TEXT, path, "the reason " + unstorableReason.get()));
            return;
        }
        List<String> segments = segments(path);
        if (segments == null || segments.size() < 2 || segments.size() > 3) {
            violations.add(new Violation(ViolationReason.PATH_OUTSIDE_SCHEMA, path,
                    "a path names a field (/Section/Field) or a list item (/Section/Field/index)"));
            return;
        }
        Optional<SectionSpec> section = schema.section(segments.get(0));
        if (section.isEmpty()) {
            violations.add(new Violation(ViolationReason.UNKNOWN_SECTION, path,
                    "the schema has no section '" + segments.get(0) + "'"));
            return;
        }
        Optional<FieldSpec> field = section.get().specFor(segments.get(1));
        if (field.isEmpty()) {
            violations.add(new Violation(ViolationReason.PATH_OUTSIDE_SCHEMA, path,
                    "section '" + segments.get(0) + "' has no field '" + segments.get(1) + "' and takes no new ones"));
            return;
        }
        if (op.isTemporary()) {
            checkValidity(op, field.get(), segments, path, violations);
        }
        if (op.isRemoval() || op.isGuard()) {
            return;
        }
        Optional<UserText.Problem> unstorable = UserText.firstProblem(op.value());
        if (op.value() == null || op.value().isNull()) {
            violations.add(new Violation(ViolationReason.WRONG_TYPE, path, "'" + op.op() + "' needs a value"));
        } else if (unstorable.isPresent()) {
            violations.add(invalidText(unstorable.get(), path));
        } else if (segments.size() == 3) {
            checkListItem(field.get(), op.value(), path, violations);
        } else {
            checkValue(field.get(), op.value(), path, violations);
        }
    }

    /** A validity rides on an add or replace of a whole field that the schema lets hold a temporary value. */
    private static void checkValidity(PatchOperation op, FieldSpec field, List<String> segments, String path,
            List<Violation> violations) {
        if (op.isRemoval() || op.isGuard() || segments.size() != 2) {
            violations.add(new Violation(ViolationReason.NOT_TEMPORARY, path,
                    "only an add or replace of a whole field carries \"until\""));
        } else if (!field.temporary()) {
            violations.add(new Violation(ViolationReason.NOT_TEMPORARY, path,
                    "field '" + field.name() + "' holds lasting values only; the schema does not mark it temporary"));
        }
    }

    /** Operations whose validity ended by {@code now}: a value already known not to hold is not stored. */
    public static List<Violation> pastValidity(List<PatchOperation> operations, Instant now) {
        return operations.stream()
                .filter(op -> op.isTemporary() && !op.until().isAfter(now))
                .map(op -> new Violation(ViolationReason.NOT_TEMPORARY, op.path() == null ? "" : op.path(),
                        "valid until " + op.until() + ", which has passed"))
                .toList();
    }

    private void checkField(SectionSpec section, String name, JsonNode value, String path, List<Violation> violations) {
        Optional<FieldSpec> field = section.specFor(name);
        if (field.isEmpty()) {
            violations.add(new Violation(ViolationReason.PATH_OUTSIDE_SCHEMA, path,
                    "section '" + section.name() + "' has no field '" + name + "' and takes no new ones"));
        } else {
            checkValue(field.get(), value, path, violations);
        }
    }

    private void checkValue(FieldSpec field, JsonNode value, String path, List<Violation> violations) {
        if (!field.type().accepts(value)) {
            violations.add(new Violation(ViolationReason.WRONG_TYPE, path,
                    "field '" + field.name() + "' takes " + field.type() + ", not " + value.getNodeType()));
        } else if (value.isTextual() && value.textValue().length() > limits.maxValueChars()) {
            violations.add(tooLong(path, value.textValue().length()));
        } else if (value.isArray()) {
            if (value.size() > limits.maxListItems()) {
                violations.add(new Violation(ViolationReason.VALUE_TOO_LONG, path,
                        value.size() + " items, more than the " + limits.maxListItems() + " allowed"));
            }
            for (JsonNode item : value) {
                if (item.textValue().length() > limits.maxValueChars()) {
                    violations.add(tooLong(path, item.textValue().length()));
                }
            }
        }
    }

    private void checkListItem(FieldSpec field, JsonNode value, String path, List<Violation> violations) {
        if (field.type() != ValueType.STRING_LIST && field.type() != ValueType.ANY || !value.isTextual()) {
            violations.add(new Violation(ViolationReason.WRONG_TYPE, path, "only a list field takes a string item"));
        } else if (value.textValue().length() > limits.maxValueChars()) {
            violations.add(tooLong(path, value.textValue().length()));
        }
    }

    private static Violation invalidText(UserText.Problem problem, String path) {
        return new Violation(ViolationReason.INVALID_TEXT, path + problem.pointer(), "the value " + problem.detail());
    }

    private Violation tooLong(String path, int length) {
        return new Violation(ViolationReason.VALUE_TOO_LONG, path,
                length + " characters, more than the " + limits.maxValueChars() + " allowed");
    }

    /** The unescaped segments of a JSON Pointer, or null when it is not one. */
    static List<String> segments(String path) {
        if (path == null || path.isEmpty() || !path.startsWith("/") || BAD_ESCAPE.matcher(path).find()) {
            return null;
        }
        try {
            List<String> segments = new ArrayList<>();
            for (JsonPointer p = JsonPointer.compile(path); !p.matches(); p = p.tail()) {
                segments.add(p.getMatchingProperty());
            }
            return segments;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
