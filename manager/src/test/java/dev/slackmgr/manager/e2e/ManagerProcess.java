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
import java.util.concurrent.TimeUnit;

/** The real manager application in a child JVM (same classpath as the tests), so a test can kill -9 it. */
final class ManagerProcess implements AutoCloseable {
    /** Every child started by this JVM; killed when it exits (a test JVM stopped mid-test leaves no manager). */
    private static final java.util.Set<Process> CHILDREN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final int port;
    private final String name;
    private final File log;

    private ManagerProcess(Process process, int port, String name, File log) {
        this.process = process;
        this.port = port;
        this.name = name;
        this.log = log;
    }

    /** Starts the manager with these {@code --key=value} arguments and waits until its health endpoint answers. */
    static ManagerProcess start(String name, List<String> args) throws IOException, InterruptedException {
        return start(name, args, Duration.ofSeconds(90));
    }

    /** As {@link #start(String, List)}, waiting at most {@code healthyWithin} (a loaded machine starts slower). */
    static ManagerProcess start(String name, List<String> args, Duration healthyWithin)
            throws IOException, InterruptedException {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the serial collector: child JVMs start in about half the CPU time on a shared machine
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, ManagerApplication.class.getName(), "--server.port=" + port));
        cmd.addAll(args);
        File log = Path.of("target", "manager-" + name + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        CHILDREN.add(p);
        p.onExit().thenRun(() -> CHILDREN.remove(p));
        ManagerProcess mp = new ManagerProcess(p, port, name, log);
        try {
            mp.awaitHealthy(healthyWithin, log);
        } catch (RuntimeException | InterruptedException e) {
            mp.kill();
            throw e;
        }
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

    /**
     * The sum of the manager's {@code slackmgr_queue_messages_processed_total{queue_type="alert"}} (all results),
     * counted after each alert's transaction committed.
     */
    long alertsProcessed() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("slackmgr_queue_messages_processed_total{") && line.contains("queue_type=\"alert\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    String name() {
        return name;
    }

    File log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
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

    /**
     * SIGTERM (graceful shutdown) and waits for the exit.
     *
     * @return the exit code, or {@code null} when the JVM had not exited within {@code max} (it is then killed)
     */
    Integer terminate(Duration max) throws InterruptedException {
        process.destroy();
        if (process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return null;
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
