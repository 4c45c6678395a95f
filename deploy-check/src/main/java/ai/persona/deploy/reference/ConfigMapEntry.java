package ai.persona.deploy.reference;

import java.util.List;

import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * One key of a declared ConfigMap with its value, where the services' addresses are.
 *
 * @param where the words that place a finding about it
 */
record ConfigMapEntry(String where, String key, String value) {

    static List<ConfigMapEntry> in(Manifests manifests) {
        return manifests.ofType(ConfigMap.class).stream()
                .filter(m -> ((ConfigMap) m.resource()).getData() != null)
                .flatMap(m -> ((ConfigMap) m.resource()).getData().entrySet().stream()
                        .map(e -> new ConfigMapEntry(m.where() + " key " + e.getKey(), e.getKey(), e.getValue())))
                .toList();
    }
}
