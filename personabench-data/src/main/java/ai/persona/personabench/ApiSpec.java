package ai.persona.personabench;

import java.util.List;

/** An API a scene offers the assistant: its argument names and what it does (offered to the model as a tool). */
public record ApiSpec(List<String> arguments, String description) {

    public ApiSpec {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        description = description == null ? "" : description;
    }
}
