package io.taolun.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the bot as a child process: the packaged jar as users run it, or a main class on the tests' own
 * class path. Both use the JVM running the tests.
 */
public final class ChildJvm {
    /** The jar {@code mvn package} makes; the *IT tests run after it. */
    public static final Path JAR = Path.of("target", "taolun.jar").toAbsolutePath();

    /**
     * C1 only: a child that lives a few seconds otherwise spends much of its CPU in the C2 compiler. Measured on
     * {@code console -e "/article about"}: 1.6 s and 1.8 s of CPU instead of 2.4 s and 3.4 s. What the process does
     * is the same; under load, and with two test JVMs on two cores, the CPU matters more than the peak speed.
     */
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    /** {@code java -jar target/taolun.jar args...}, with the given extra JVM options first. */
    public static List<String> jar(List<String> jvmOptions, String... args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java -jar target/taolun.jar args...}. */
    public static List<String> jar(String... args) {
        return jar(List.of(), args);
    }

    /** The main class on the class path of the tests (test classes included), with extra JVM options first. */
    public static List<String> main(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.addAll(jvmOptions);
        return command;
    }
}
