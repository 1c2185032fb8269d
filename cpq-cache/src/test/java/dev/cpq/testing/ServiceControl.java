package dev.cpq.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fault toolkit: stops, starts, restarts, hangs (SIGSTOP) and resumes one of the real services
 * through the project's own deploy script, so that tests do exactly what an operator or a failure would
 * ({@code deploy/cpq services stop redis}, {@code deploy/cpq services pause redis}).
 *
 * <p>Tests take a fault as a resource, so that it is undone in a finally block whatever the test did:
 * <pre>{@code try (var outage = ServiceControl.paused("redis")) { ... } }</pre>
 */
public final class ServiceControl {

    private ServiceControl() {}

    public static void stop(String service) {
        run("services", "stop", service);
    }

    public static void start(String service) {
        run("services", "start", service);
    }

    public static void restart(String service) {
        run("services", "restart", service);
    }

    /** SIGSTOP: the process hangs with its connections open, as a stuck server would. */
    public static void pause(String service) {
        run("services", "pause", service);
    }

    /** SIGCONT: undoes {@link #pause}. */
    public static void resume(String service) {
        run("services", "resume", service);
    }

    /** The service stopped until the returned fault is closed (then started again). */
    public static Fault stopped(String service) {
        stop(service);
        return new Fault(() -> start(service));
    }

    /** The service hung (SIGSTOP) until the returned fault is closed (then SIGCONT). */
    public static Fault paused(String service) {
        pause(service);
        return new Fault(() -> resume(service));
    }

    /** A fault in force; {@link #close} restores the service, once, and is safe to call again. */
    public static final class Fault implements AutoCloseable {
        private Runnable restore;

        private Fault(Runnable restore) {
            this.restore = restore;
        }

        @Override
        public synchronized void close() {
            if (restore != null) {
                Runnable r = restore;
                restore = null;
                r.run();
            }
        }
    }

    private static void run(String... args) {
        Path script = deployScript();
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .directory(script.getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** {@code CPQ_DEPLOY_SCRIPT}, else {@code deploy/cpq} found upwards from the working directory. */
    static Path deployScript() {
        var configured = RealServices.setting("CPQ_DEPLOY_SCRIPT");
        if (configured.isPresent()) {
            return Paths.get(configured.get()).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy").resolve("cpq");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/cpq not found above " + Paths.get("").toAbsolutePath()
                + "; set CPQ_DEPLOY_SCRIPT");
    }
}
