package dev.slackmgr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service started the way its container starts it: the runnable jar's Spring Boot layers extracted with the
 * Dockerfile's command ({@code java -Djarmode=tools -jar … extract --layers}), merged into one directory as the
 * image's COPY steps merge them, and run with {@code java -jar} and only the given environment.
 */
final class Jars {
    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Jars() {
    }

    /** The java launcher: {@code -Dslackmgr.it.java=/path/to/bin/java} (e.g. the image's Java 21), else this JVM's. */
    static String java() {
        String other = System.getProperty("slackmgr.it.java");
        if (other != null && !other.isBlank()) {
            return other;
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extracts and merges the layers of {@code module/target/slackmgr-module.jar} into {@code dir/app}. */
    static Path extract(String module, Path dir) throws IOException, InterruptedException {
        Path jar = Repo.path(module + "/target/slackmgr-" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package (this test runs in verify)");
        }
        deleteRecursively(dir.resolve("layers"));
        deleteRecursively(dir.resolve("app"));
        Path layers = dir.resolve("layers");
        Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--destination", layers.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("extract.log").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("extract failed: " + Files.readString(dir.resolve("extract.log")));
        }
        Path app = dir.resolve("app");
        for (String layer : LAYERS) {
            Path root = layers.resolve(layer);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = app.resolve(root.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return app;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    record Service(String name, Process process, Path log, int port) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@code java -jar app/slackmgr-module.jar} with exactly this environment (plus PATH and HOME). */
    static Service start(String module, Path app, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", app.resolve("slackmgr-" + module + ".jar").toString())
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> penv = pb.environment();
        String path = penv.get("PATH");
        String home = penv.get("HOME");
        penv.clear();
        penv.put("PATH", path == null ? "/usr/bin:/bin" : path);
        if (home != null) {
            penv.put("HOME", home);
        }
        penv.putAll(env);
        return new Service(module, pb.start(), log, Integer.parseInt(env.get("SERVER_PORT")));
    }

    /** Runs the image's health check script against a service; its exit code. */
    static int healthcheck(Service s, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", Repo.path("deploy/docker/healthcheck.sh").toString(), path)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SERVER_PORT", String.valueOf(s.port()));
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Waits until the health check script passes on the readiness group, failing early if the process dies. */
    static void awaitReady(Service s, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!s.process().isAlive()) {
                throw new AssertionError(s.name() + " exited with " + s.process().exitValue() + ":\n" + tail(s.logText()));
            }
            if (healthcheck(s, "/actuator/health/readiness") == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(s.name() + " not ready within " + timeout + ":\n" + tail(s.logText()));
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String tail(String text) {
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }
}
