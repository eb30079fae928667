package dev.slackmgr.manager.e2e;

import dev.slackmgr.manager.ManagerApplication;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real manager application in a child JVM (same classpath as the tests), so a test can kill -9 it. */
final class ManagerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ManagerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the manager with these {@code --key=value} arguments and waits until its health endpoint answers. */
    static ManagerProcess start(String name, List<String> args) throws IOException, InterruptedException {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, ManagerApplication.class.getName(), "--server.port=" + port));
        cmd.addAll(args);
        File log = Path.of("target", "manager-" + name + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        ManagerProcess mp = new ManagerProcess(p, port);
        mp.awaitHealthy(Duration.ofSeconds(90), log);
        return mp;
    }

    private void awaitHealthy(Duration max, File log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("manager exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("manager not healthy within " + max + ", see " + log);
    }

    /** SIGKILL: no shutdown hook, no ack, no lock release. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
