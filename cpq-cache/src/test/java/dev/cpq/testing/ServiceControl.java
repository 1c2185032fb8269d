package dev.cpq.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts one of the real services through the project's own deploy script, so that tests
 * exercise exactly what an operator would do ({@code deploy/cpq services stop redis}).
 */
public final class ServiceControl {

    private ServiceControl() {}

    public static void stop(String service) {
        run("services", "stop", service);
    }

    public static void start(String service) {
        run("services", "start", service);
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
