package dev.slackmgr.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * deploy/helm/slackmgr rendered by Helm's own engine ({@code helm template}, through helm-java's bundled native
 * library) and parsed into plain maps.
 */
final class HelmChart {
    static final String RELEASE = "prod";
    static final String NAMESPACE = "alerting";

    private HelmChart() {
    }

    /** Renders with the chart's values plus these {@code --set} pairs (and values files, if any). */
    static Rendered render(Map<String, Object> set, java.nio.file.Path... valuesFiles) {
        TemplateCommand cmd = new Helm(Repo.path("deploy/helm/slackmgr")).template()
                .withName(RELEASE).withNamespace(NAMESPACE);
        for (var e : set.entrySet()) {
            cmd = cmd.set(e.getKey(), e.getValue());
        }
        for (var f : valuesFiles) {
            cmd = cmd.withValuesFile(f);
        }
        String yaml = cmd.call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                objects.add(K8s.map(doc));
            }
        }
        return new Rendered(yaml, objects);
    }

    record Rendered(String yaml, List<Map<String, Object>> objects) {
        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).sorted().toList();
        }

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> get(String kind, String name) {
            return objects.stream()
                    .filter(o -> kind.equals(o.get("kind")) && Objects.equals(name, K8s.at(o, "metadata", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + kinds()));
        }

        boolean has(String kind) {
            return !ofKind(kind).isEmpty();
        }
    }
}
