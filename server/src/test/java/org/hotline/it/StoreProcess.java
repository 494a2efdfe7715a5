package org.hotline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The store (the embedded MongoDB with its file) as a process of its own, so a test can stop it
 * (SIGSTOP: it accepts connections and says nothing, as a stalled database does) and resume it: the
 * server's own {@code store} command, as bin/cluster runs it.
 */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private StoreProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StoreProcess start(Path dataDir, String logName) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", logName + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.hotline.Main", "store", dataDir.toString(), String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        StoreProcess store = new StoreProcess(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the store process exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return store;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    store.close();
                    throw new IllegalStateException("the store process did not listen within 30 s; see " + log);
                }
                Thread.sleep(100);
            }
        }
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** SIGSTOP: the process keeps its port and answers nothing. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** SIGCONT. */
    void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            resume(); // a stopped process does not act on SIGTERM until it runs again
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
