package ai.persona.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A tool call the assistant made, as in the OpenAI API: its id, function name and JSON arguments. */
@RegisterForReflection
public record ToolCall(String id, String name, String arguments) {
}
