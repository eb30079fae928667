package dev.slackmgr.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Navigation in parsed YAML/JSON objects (maps and lists). */
final class K8s {
    private K8s() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new AssertionError("not a map: " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw new AssertionError("not a list: " + o);
        }
        return (List<Object>) o;
    }

    /** The value at this path of map keys, or null when a key is missing. */
    static Object at(Object root, String... keys) {
        Object cur = root;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(k);
        }
        return cur;
    }

    static Map<String, Object> mapAt(Object root, String... keys) {
        Object v = at(root, keys);
        return v == null ? Map.of() : map(v);
    }

    static List<Object> listAt(Object root, String... keys) {
        Object v = at(root, keys);
        return v == null ? List.of() : list(v);
    }

    /** The only container of a Deployment's pod template. */
    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = listAt(deployment, "spec", "template", "spec", "containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, got " + containers);
        }
        return map(containers.get(0));
    }

    /** The container's env entry with this name. */
    static Optional<Map<String, Object>> env(Map<String, Object> container, String name) {
        return listAt(container, "env").stream().map(K8s::map).filter(e -> name.equals(e.get("name"))).findFirst();
    }

    static List<String> envNames(Map<String, Object> container) {
        return listAt(container, "env").stream().map(e -> (String) map(e).get("name")).toList();
    }
}
