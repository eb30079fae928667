package dev.slackmgr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files of the repository under test (the directory above this module; {@code slackmgr.root} set by the build). */
final class Repo {
    private static final Pattern PLACEHOLDER_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Repo() {
    }

    static Path root() {
        String root = System.getProperty("slackmgr.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables a service's application.yaml reads through {@code ${NAME:default}} placeholders. */
    static Set<String> placeholderEnv(String module) {
        Matcher m = PLACEHOLDER_ENV.matcher(read(module + "/src/main/resources/application.yaml"));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * True when the service reads this environment variable: a placeholder of its application.yaml, a Spring
     * relaxed-binding name of a standard property ({@code SPRING_*}, {@code LOGGING_*}, {@code MANAGEMENT_*},
     * {@code SERVER_*}), or the JVM's own {@code JAVA_TOOL_OPTIONS}.
     */
    static boolean serviceReads(String module, String env) {
        return placeholderEnv(module).contains(env) || env.equals("JAVA_TOOL_OPTIONS")
                || env.matches("(SPRING|LOGGING|MANAGEMENT|SERVER)_[A-Z0-9_]+");
    }
}
