package ai.persona.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PersonaJson;

/**
 * The results folder, append-only JSON lines, written as each step finishes: what is on disk is done and a rerun skips
 * it. A line cut short by a kill is the last one and is ignored on reading.
 */
public final class ResultStore {

    public static final String CONVERSATIONS = "conversations.jsonl";
    public static final String CELLS = "cells.jsonl";
    public static final String PERSONAS = "personas.jsonl";
    public static final String PAIRWISE = "pairwise.jsonl";

    private static final ObjectMapper JSON = PersonaJson.mapper();

    private final Path folder;
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, CellResult> cells = new ConcurrentHashMap<>();
    private final Map<String, FinalPersona> personas = new ConcurrentHashMap<>();
    private final Map<String, PairVerdict> pairs = new ConcurrentHashMap<>();

    public ResultStore(Path folder) {
        this.folder = folder;
        read(CONVERSATIONS, Conversation.class).forEach(c -> conversations.put(c.key().id(), c));
        read(CELLS, CellResult.class).forEach(c -> cells.put(c.key().id(), c));
        read(PERSONAS, FinalPersona.class).forEach(p -> personas.put(personaKey(p.personaIndex(), p.setting()), p));
        read(PAIRWISE, PairVerdict.class).forEach(p -> pairs.put(pairKey(p.personaIndex(), p.setting(),
                p.sceneNumber()), p));
    }

    public Path folder() {
        return folder;
    }

    public Conversation conversation(CellKey key) {
        return conversations.get(key.id());
    }

    public CellResult cell(CellKey key) {
        return cells.get(key.id());
    }

    public List<CellResult> cells() {
        return List.copyOf(cells.values());
    }

    public FinalPersona finalPersona(int personaIndex, String setting) {
        return personas.get(personaKey(personaIndex, setting));
    }

    public List<FinalPersona> finalPersonas() {
        return List.copyOf(personas.values());
    }

    public PairVerdict pair(int personaIndex, String setting, int sceneNumber) {
        return pairs.get(pairKey(personaIndex, setting, sceneNumber));
    }

    public List<PairVerdict> pairs() {
        return List.copyOf(pairs.values());
    }

    public void save(Conversation conversation) {
        append(CONVERSATIONS, conversation);
        conversations.put(conversation.key().id(), conversation);
    }

    public void save(CellResult cell) {
        append(CELLS, cell);
        cells.put(cell.key().id(), cell);
    }

    public void save(FinalPersona persona) {
        append(PERSONAS, persona);
        personas.put(personaKey(persona.personaIndex(), persona.setting()), persona);
    }

    public void save(PairVerdict pair) {
        append(PAIRWISE, pair);
        pairs.put(pairKey(pair.personaIndex(), pair.setting(), pair.sceneNumber()), pair);
    }

    private synchronized void append(String file, Object line) {
        try {
            Files.createDirectories(folder);
            // one write per line, synced: a kill leaves at most the last line short
            Files.writeString(folder.resolve(file), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> read(String file, Class<T> type) {
        Path path = folder.resolve(file);
        List<T> lines = new ArrayList<>();
        if (!Files.exists(path)) {
            return lines;
        }
        try {
            dropCutShortLine(path);
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                parse(line, type).map(lines::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    // a kill in the middle of a write leaves a line without its newline; the next append would glue onto it
    private static void dropCutShortLine(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
    }

    private static <T> Optional<T> parse(String line, Class<T> type) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line, type));
        } catch (IOException cutShort) {
            return Optional.empty();
        }
    }

    private static String personaKey(int personaIndex, String setting) {
        return personaIndex + "|" + setting;
    }

    private static String pairKey(int personaIndex, String setting, int sceneNumber) {
        return personaIndex + "|" + setting + "|" + sceneNumber;
    }
}
