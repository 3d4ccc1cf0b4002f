package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code .dockerignore} keeps a local build, local databases and the git history out of the build context, and
 * leaves in everything the Dockerfile copies (no Docker engine runs here, so this reads both files).
 */
final class DockerIgnoreTest {
    private static List<String> patterns() throws Exception {
        return Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Whether a context path is left out: a pattern names it or a folder above it, or matches it as a glob. */
    private static boolean ignored(String path, List<String> patterns) {
        String clean = path.replaceAll("/+$", "");
        for (String pattern : patterns) {
            String p = pattern.replaceAll("/+$", "");
            var glob = FileSystems.getDefault().getPathMatcher("glob:" + p);
            // Docker's "**/" also matches no folder at all
            var atTop = FileSystems.getDefault().getPathMatcher("glob:" + p.replaceFirst("^\\*\\*/", ""));
            for (Path prefix = Path.of(clean); prefix != null; prefix = prefix.getParent()) {
                if (prefix.toString().equals(p) || glob.matches(prefix) || atTop.matches(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everything_the_dockerfile_copies_from_the_context_stays_in_it() throws Exception {
        // GIVEN the sources of the Dockerfile's COPY instructions that read the build context
        List<String> sources = Files.readAllLines(Path.of("Dockerfile"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("COPY ") && !line.contains("--from"))
                .map(line -> line.split("\\s+")[1]).toList();
        assertThat(sources).contains("pom.xml", "src", "seeds", "config");
        // WHEN they are checked against .dockerignore
        List<String> patterns = patterns();
        // THEN none is ignored, nor anything under src/, seeds/ or config/ that the build reads
        assertThat(sources).noneMatch(source -> ignored(source, patterns));
        assertThat(List.of("src/main/resources/logback.xml", "seeds/000_a8e75d267bb866eb.txt", "config/taolun.yaml"))
                .noneMatch(path -> ignored(path, patterns));
    }

    @Test
    void build_output_local_data_history_and_ide_files_are_left_out() throws Exception {
        // GIVEN the .dockerignore
        List<String> patterns = patterns();
        // WHEN paths a working copy has but an image must not are checked
        // THEN each is left out of the context
        assertThat(List.of("target/taolun.jar", "data/taolun.mv.db", ".git/HEAD", "taolun.mv.db",
                "somewhere/taolun.trace.db", ".idea/workspace.xml", "taolun.iml", ".env", ".vscode/settings.json"))
                .allMatch(path -> ignored(path, patterns));
    }
}
