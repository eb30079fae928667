package dev.slackmgr.deploy;

import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml parsed (YAML anchors and merge keys resolved by SnakeYAML) with Compose's variable
 * interpolation ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR?error}}) applied to the environment values.
 */
final class ComposeFile {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    final Map<String, Object> doc;

    private ComposeFile(Map<String, Object> doc) {
        this.doc = doc;
    }

    static ComposeFile load() {
        return new ComposeFile(K8s.map(new Yaml().load(Repo.read("docker-compose.yml"))));
    }

    Map<String, Object> service(String name) {
        return K8s.mapAt(doc, "services", name);
    }

    /** The service's environment as Compose would pass it, with these variables set (others unset). */
    Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service(service).get("environment");
        if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], interpolate(kv.length > 1 ? kv[1] : "", variables));
            }
        } else {
            K8s.map(raw).forEach((k, v) -> env.put(k, interpolate(v == null ? "" : String.valueOf(v), variables)));
        }
        return env;
    }

    static String interpolate(String value, Map<String, String> variables) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String op = m.group(2);
            String arg = m.group(3) == null ? "" : m.group(3);
            String v = variables.get(name);
            boolean unsetOrEmpty = v == null || (op != null && op.startsWith(":") && v.isEmpty());
            String replacement;
            if (op == null) {
                replacement = v == null ? "" : v;
            } else if (op.endsWith("-")) {
                replacement = unsetOrEmpty ? arg : v;
            } else {
                if (unsetOrEmpty) {
                    throw new IllegalArgumentException("required variable " + name + " is missing: " + arg);
                }
                replacement = v;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
