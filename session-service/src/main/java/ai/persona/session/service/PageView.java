package ai.persona.session.service;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PageView<T>(List<T> items, int page, int size, long total) {
}
