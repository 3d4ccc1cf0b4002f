package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the Dockerfile's commands are checked against the build instead: what it copies
 * exists after {@code mvn package}, the jar it runs has the right main class, it runs as a user that is not root,
 * the port and volume match the config, and its health check works against a live endpoint.
 */
final class DockerfileIT {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static List<String> instructions() throws Exception {
        // one instruction per line, continuations joined, comments dropped
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return out;
    }

    private static List<String> runtimeStage() throws Exception {
        List<String> all = instructions();
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return all.subList(last, all.size());
    }

    @Test
    void the_jar_it_copies_is_what_the_build_stage_makes_and_its_main_class_is_taolun() throws Exception {
        List<String> all = instructions();
        // GIVEN the build stage's working directory and the runtime stage's COPY --from=build
        String buildDir = all.stream().filter(i -> i.startsWith("WORKDIR ")).findFirst().orElseThrow().substring(8);
        String copy = all.stream().filter(i -> i.startsWith("COPY --from=build ")).findFirst().orElseThrow();
        String[] parts = copy.split("\\s+");
        String source = parts[2];
        String target = parts[3];
        // THEN the source, relative to the build stage's directory, is the jar `mvn package` made here
        assertThat(source).startsWith(buildDir + "/");
        Path jar = Path.of(source.substring(buildDir.length() + 1));
        assertThat(jar).isRegularFile();
        // AND the entrypoint runs that jar, whose manifest names Main, which is inside it
        String entry = runtimeStage().stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertThat(entry).contains("\"-jar\"", "\"" + target + "\"");
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest().getMainAttributes().getValue("Main-Class");
            assertThat(main).isEqualTo(Main.class.getName());
            assertThat(file.getEntry(main.replace('.', '/') + ".class")).isNotNull();
            assertThat(file.getEntry(HealthProbe.class.getName().replace('.', '/') + ".class")).isNotNull();
            assertThat(file.getEntry("io/taolun/chart/wqy-microhei.ttc")).as("the CJK font").isNotNull();
        }
    }

    @Test
    void it_copies_seeds_and_config_that_exist_and_runs_as_a_user_that_is_not_root() throws Exception {
        List<String> stage = runtimeStage();
        for (String copy : stage.stream().filter(i -> i.startsWith("COPY ") && !i.contains("--from")).toList()) {
            assertThat(Path.of(copy.split("\\s+")[1])).as(copy).exists();
        }
        String user = stage.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow()
                .substring(5).strip();
        assertThat(user).isNotIn("root", "0", "0:0");
        assertThat(stage).anyMatch(i -> i.startsWith("RUN ") && i.contains("useradd") && i.contains(" " + user));
        Matcher uid = Pattern.compile("--uid (\\d+)").matcher(String.join("\n", stage));
        assertThat(uid.find()).isTrue();
        assertThat(Integer.parseInt(uid.group(1))).isPositive();
    }

    @Test
    void port_volume_and_config_match_what_taolun_uses() throws Exception {
        List<String> stage = runtimeStage();
        String workdir = stage.stream().filter(i -> i.startsWith("WORKDIR ")).findFirst().orElseThrow().substring(8);
        assertThat(stage).contains("EXPOSE " + PlatformSettings.DEFAULT_PORT);
        assertThat(stage).contains("ENV TAOLUN_PORT=" + PlatformSettings.DEFAULT_PORT);
        // the default config's dataDir, under the working directory, is the volume
        TaolunConfig config = new ConfigLoader().read(Path.of("config", "taolun.yaml"));
        assertThat(stage).contains("VOLUME [\"" + workdir + "/" + config.dataDir() + "\"]");
        String configFile = stage.stream().filter(i -> i.startsWith("ENV TAOLUN_CONFIG=")).findFirst().orElseThrow()
                .substring("ENV TAOLUN_CONFIG=".length());
        assertThat(configFile).isEqualTo(workdir + "/config/taolun.yaml");
    }

    @Test
    void the_health_check_passes_on_200_and_fails_on_503_or_no_answer() throws Exception {
        String check = runtimeStage().stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(check).contains(HealthProbe.class.getName());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {200};
        server.createContext("/healthz", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(probe(port)).isZero();
            status[0] = 503;
            assertThat(probe(port)).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(probe(1)).isEqualTo(1);
    }

    @Test
    void the_class_data_archive_it_trains_is_used_by_its_entrypoint_which_prints_nothing_extra(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // GIVEN the training RUN and the ENTRYPOINT, with the image's paths mapped to the build's
        List<String> stage = runtimeStage();
        String training = stage.stream().filter(i -> i.startsWith("RUN [") && i.contains("ArchiveClassesAtExit"))
                .findFirst().orElseThrow();
        String entry = stage.stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        Path archive = tmp.resolve("taolun.jsa");
        List<String> train = local(training.substring("RUN ".length()), archive, tmp);
        List<String> start = local(entry.substring("ENTRYPOINT ".length()), archive, tmp);

        // WHEN the training runs, then the entrypoint answers a console command
        Result trained = run(train);
        // a JDK built without a base CDS archive cannot train one (the image's Temurin JRE has it): skipped, said so
        org.junit.jupiter.api.Assumptions.assumeFalse(trained.exit() != 0 && trained.output().contains("base"),
                "this JDK cannot make a class-data archive: " + trained.output().strip());
        assertThat(trained.exit()).as(trained.output()).isZero();
        assertThat(archive).isRegularFile();
        List<String> console = new ArrayList<>(start);
        console.addAll(List.of("console", "--data", tmp.resolve("data").toString(), "-e", "/article quote 1"));
        Result answer = run(console);

        // THEN the answer is the console's alone, and the archive is really usable with these flags (-Xshare:on
        // refuses to start without it)
        assertThat(answer.exit()).isZero();
        assertThat(answer.output()).contains("§").doesNotContain("[warning]", "shared archive");
        List<String> strict = new ArrayList<>(start);
        strict.add(1, "-Xshare:on");
        strict.add("--version");
        assertThat(run(strict).exit()).isZero();
        // AND a jar that does not match the archive still starts, silently, without it
        Path other = Files.copy(Path.of("target", "taolun.jar"), tmp.resolve("other.jar"));
        List<String> mismatched = start.stream().map(a -> a.equals(Path.of("target", "taolun.jar").toString())
                ? other.toString() : a).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        mismatched.add("--version");
        Result version = run(mismatched);
        assertThat(version.exit()).isZero();
        assertThat(version.output().strip()).startsWith("taolun ").doesNotContain("archive", "warning");
    }

    private record Result(int exit, String output) {
    }

    /** An exec-form command of the Dockerfile with the image's paths replaced by the build's and this test's. */
    private static List<String> local(String json, Path archive, Path tmp) throws Exception {
        List<String> out = new ArrayList<>();
        for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
            String arg = node.asText();
            arg = arg.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : arg;
            arg = arg.replace("/app/taolun.jsa", archive.toString())
                    .replace("/app/taolun.jar", Path.of("target", "taolun.jar").toString())
                    .replace("/tmp/cds-training", tmp.resolve("training").toString());
            out.add(arg);
        }
        return out;
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** Runs the health check's command against the jar, as the container would, with TAOLUN_PORT set. */
    private static int probe(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "taolun.jar").toString(), HealthProbe.class.getName());
        pb.environment().put("TAOLUN_PORT", String.valueOf(port));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
