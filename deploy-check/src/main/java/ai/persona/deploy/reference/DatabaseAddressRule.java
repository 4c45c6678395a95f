package ai.persona.deploy.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;

/**
 * Every PostgreSQL URL in a ConfigMap names a service of a declared CloudNativePG Cluster ({@code <cluster>-rw},
 * {@code -ro}, {@code -r}) and a database that Cluster creates (its bootstrap database or a {@code Database}).
 */
public final class DatabaseAddressRule implements ManifestRule {

    static final Pattern POSTGRES_URL = Pattern.compile("^(?:jdbc:)?postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");
    private static final List<String> CLUSTER_SERVICE_SUFFIXES = List.of("-rw", "-ro", "-r");

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (ConfigMapEntry entry : ConfigMapEntry.in(manifests)) {
            Matcher url = POSTGRES_URL.matcher(entry.value().trim());
            if (url.matches()) {
                check(findings, manifests, entry.where(), url.group(1), url.group(3));
            }
        }
        return findings;
    }

    private static void check(List<Finding> findings, Manifests manifests, String where, String host, String database) {
        Optional<Manifest> cluster = manifests.cloudNativePg("Cluster").stream()
                .filter(c -> CLUSTER_SERVICE_SUFFIXES.stream().anyMatch(suffix -> host.equals(c.name() + suffix)))
                .findFirst();
        if (cluster.isEmpty()) {
            findings.add(new Finding(where, "host " + host + " is no service of a declared CloudNativePG Cluster"));
            return;
        }
        String name = cluster.get().name();
        Set<String> databases = new TreeSet<>();
        Optional.ofNullable(Manifests.generic(cluster.get()).<String>get("spec", "bootstrap", "initdb", "database"))
                .ifPresent(databases::add);
        manifests.cloudNativePg("Database").stream()
                .map(Manifests::generic)
                .filter(d -> name.equals(d.get("spec", "cluster", "name")))
                .map(d -> d.<String>get("spec", "name"))
                .filter(Objects::nonNull)
                .forEach(databases::add);
        if (!databases.contains(database)) {
            findings.add(new Finding(where, "database " + database + " is not created in Cluster " + name
                    + " (it has " + databases + ")"));
        }
    }
}
