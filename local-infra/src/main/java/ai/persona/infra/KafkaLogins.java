package ai.persona.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import ai.persona.events.PersonaService;

/**
 * The SCRAM-SHA-512 logins of the local broker's users, one {@code user=password} line each in a file only its owner
 * may read (mode 0600). Passwords are made once and kept, so a service or a developer's shell that read its login
 * before a restart of the broker still logs in after it.
 */
public final class KafkaLogins {

    /** The login of the local tools and of a developer: a super user, as Strimzi's own operator user is. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SortedMap<String, String> passwords;

    private KafkaLogins(Path file, SortedMap<String, String> passwords) {
        this.file = file;
        this.passwords = Collections.unmodifiableSortedMap(passwords);
    }

    /** The logins kept in {@code file}, with a new password for each user it lacks (written back): admin, each service. */
    static KafkaLogins loadOrCreate(Path file) {
        SortedMap<String, String> passwords = new TreeMap<>();
        if (Files.exists(file)) {
            Properties kept = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                kept.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the Kafka logins in " + file, e);
            }
            kept.stringPropertyNames().forEach(user -> passwords.put(user, kept.getProperty(user)));
        }
        boolean added = false;
        for (String user : localUsers()) {
            added |= passwords.putIfAbsent(user, newPassword()) == null;
        }
        if (added || !Files.exists(file)) {
            write(file, passwords);
        }
        return new KafkaLogins(file, passwords);
    }

    private static List<String> localUsers() {
        List<String> users = new ArrayList<>(List.of(ADMIN));
        for (PersonaService service : PersonaService.values()) {
            users.add(service.id());
        }
        return users;
    }

    /** A password for one start of the broker (its own login), or a kept one: URL-safe, so it needs no quoting. */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Path file() {
        return file;
    }

    /** Every user with a login here (including users added to the file by hand). */
    public Set<String> users() {
        return passwords.keySet();
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka login for " + user + "; there are " + users());
        }
        return password;
    }

    /** What a client needs besides the bootstrap servers to log in as {@code user}. */
    public Map<String, Object> clientConfig(String user) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL,
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user));
    }

    /** The {@code sasl.jaas.config} line of {@code user}, what a service takes as {@code KAFKA_SASL_JAAS_CONFIG}. */
    public String jaasConfig(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password(user) + "\";";
    }

    private static void write(Path file, Map<String, String> passwords) {
        StringBuilder text = new StringBuilder("# SCRAM-SHA-512 logins of the local Kafka broker, user=password\n");
        passwords.forEach((user, password) -> text.append(user).append('=').append(password).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            // also for a file copied in or made by hand: it holds every service's password
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kafka logins to " + file, e);
        }
    }
}
