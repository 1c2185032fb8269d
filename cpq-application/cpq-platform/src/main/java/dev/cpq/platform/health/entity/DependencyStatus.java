package dev.cpq.platform.health.entity;

/** What one dependency looked like when it was last asked, with how long the question took. */
public record DependencyStatus(String name, boolean up, long latencyMillis, String detail) {

    public static DependencyStatus up(String name, long latencyMillis, String detail) {
        return new DependencyStatus(name, true, latencyMillis, detail);
    }

    public static DependencyStatus down(String name, long latencyMillis, String detail) {
        return new DependencyStatus(name, false, latencyMillis, detail);
    }

    public String status() {
        return up ? "UP" : "DOWN";
    }
}
