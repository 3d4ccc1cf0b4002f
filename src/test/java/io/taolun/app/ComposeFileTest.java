package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code compose.yaml}: PostgreSQL and two replicas on it, each as Taolun reads its environment. No Docker engine runs
 * here, so the file is parsed and checked against Taolun's own settings, the Dockerfile and the README.
 */
final class ComposeFileTest {
    /** A host variable Compose substitutes, {@code ${NAME}} or {@code ${NAME:?message}}. */
    private static final Pattern HOST_VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?[?-][^}]*)?}");
    private static final String POSTGRES = "postgres";

    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("compose.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> replicas() {
        List<String> names = new ArrayList<>();
        compose.get("services").fieldNames().forEachRemaining(name -> {
            if (!name.equals(POSTGRES)) {
                names.add(name);
            }
        });
        return names;
    }

    private Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        compose.get("services").get(service).get("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The environment as the container sees it, each host variable given a plausible value. */
    private Map<String, String> resolved(String service) {
        Map<String, String> env = new HashMap<>();
        environment(service).forEach((key, value) -> env.put(key, HOST_VARIABLE.matcher(value)
                .replaceAll(m -> m.group(1).equals("SLACK_BOT_TOKEN") ? "xoxb-1-compose" : "value-of-" + m.group(1))));
        return env;
    }

    private static int hostPort(JsonNode mapping) {
        return Integer.parseInt(mapping.asText().split(":")[0]);
    }

    private static int containerPort(JsonNode mapping) {
        String[] parts = mapping.asText().split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    @Test
    void it_runs_postgres_and_two_replicas_built_from_the_dockerfile() {
        // GIVEN the services of compose.yaml
        Set<String> services = new TreeSet<>();
        compose.get("services").fieldNames().forEachRemaining(services::add);
        // THEN there are PostgreSQL, on a pinned version, and two Taolun replicas built from this repository
        assertThat(services).contains(POSTGRES).hasSize(3);
        assertThat(compose.at("/services/postgres/image").asText()).matches("postgres:\\d+\\.\\d+.*");
        assertThat(replicas()).hasSize(2).allSatisfy(name -> {
            assertThat(name).startsWith("taolun");
            assertThat(compose.get("services").get(name).get("build").asText()).isEqualTo(".");
        });
    }

    @Test
    void each_replica_serves_slack_on_its_own_host_port_and_keeps_the_management_port_unpublished() {
        Set<Integer> hostPorts = new TreeSet<>();
        for (String replica : replicas()) {
            // GIVEN a replica's environment, as Taolun reads it
            PlatformSettings settings = PlatformSettings.from(resolved(replica));
            JsonNode ports = compose.get("services").get(replica).get("ports");
            // THEN it serves Slack, on 3000 published to a host port of its own, and health and metrics on 9090,
            // which is not published
            assertThat(settings.slack()).as(replica).isPresent();
            assertThat(settings.listen().port()).isEqualTo(PlatformSettings.DEFAULT_PORT);
            assertThat(settings.listen().managementPort()).isEqualTo(9090);
            assertThat(ports).hasSize(1);
            assertThat(containerPort(ports.get(0))).isEqualTo(settings.listen().port());
            hostPorts.add(hostPort(ports.get(0)));
        }
        assertThat(hostPorts).containsExactly(3001, 3002);
    }

    @Test
    void each_replica_uses_the_postgres_service_with_its_credentials_and_secrets_from_the_host() {
        Map<String, String> postgres = environment(POSTGRES);
        for (String replica : replicas()) {
            // GIVEN a replica's environment
            Map<String, String> env = environment(replica);
            // THEN its database is the postgres service's, with the same user, database and password
            assertThat(env).containsKeys("TAOLUN_DB_URL", "TAOLUN_DB_USER", "TAOLUN_DB_PASSWORD", "SLACK_BOT_TOKEN",
                    "SLACK_SIGNING_SECRET", "TAOLUN_PORT", "TAOLUN_MANAGEMENT_PORT");
            DatabaseSettings db = DatabaseSettings.from(resolved(replica), Path.of("data"));
            assertThat(db.url()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(db.user()).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("TAOLUN_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            // AND every secret comes from the host's environment, never written in the file
            for (String secret : List.of("TAOLUN_DB_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")) {
                assertThat(env.get(secret)).as(secret).matches(HOST_VARIABLE.pattern());
            }
            // AND it starts only once PostgreSQL is healthy
            assertThat(compose.at("/services/" + replica + "/depends_on/postgres/condition").asText())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void health_checks_are_the_images_probe_for_replicas_and_pg_isready_for_postgres() throws Exception {
        // GIVEN the Dockerfile's HEALTHCHECK command
        String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
        Matcher cmd = Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD (\\[.*])").matcher(dockerfile);
        assertThat(cmd.find()).isTrue();
        List<String> probe = new ArrayList<>(List.of("CMD"));
        new ObjectMapper().readTree(cmd.group(1)).forEach(arg -> probe.add(arg.asText()));
        assertThat(probe).contains(HealthProbe.class.getName());
        // THEN each replica's health check runs that command, and PostgreSQL's asks pg_isready for its database
        for (String replica : replicas()) {
            List<String> test = new ArrayList<>();
            compose.at("/services/" + replica + "/healthcheck/test").forEach(arg -> test.add(arg.asText()));
            assertThat(test).as(replica).isEqualTo(probe);
            assertThat(compose.at("/services/" + replica + "/healthcheck/start_period").asText()).isNotEmpty();
        }
        assertThat(compose.at("/services/postgres/healthcheck/test/1").asText())
                .contains("pg_isready", environment(POSTGRES).get("POSTGRES_DB"));
    }

    @Test
    void postgres_keeps_its_data_in_a_named_volume() {
        // GIVEN the postgres service's volumes
        JsonNode mounts = compose.at("/services/postgres/volumes");
        assertThat(mounts).hasSize(1);
        String[] mount = mounts.get(0).asText().split(":");
        // THEN its data directory is on a volume the file declares by name
        assertThat(mount[1]).isEqualTo("/var/lib/postgresql/data");
        assertThat(compose.get("volumes").has(mount[0])).as("declared volume %s", mount[0]).isTrue();
    }

    @Test
    void the_readme_says_how_to_run_it_with_the_names_ports_and_variables_of_the_file() throws Exception {
        // GIVEN the README's bullet about Compose
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("**Several replicas with Docker Compose.**");
        assertThat(start).as("the README's Compose bullet").isPositive();
        int end = readme.indexOf("\n- ", start);
        String bullet = readme.substring(start, end < 0 ? readme.length() : end).replaceAll("\\s+", " ");
        // THEN it says how to start it, and names every service, host port and host variable the file uses
        assertThat(bullet).contains("`compose.yaml`", "docker compose up", "`ComposeFileTest`");
        assertThat(bullet.toLowerCase(Locale.ROOT)).contains("not run here");
        compose.get("services").fieldNames().forEachRemaining(name -> assertThat(bullet).contains("`" + name + "`"));
        for (String replica : replicas()) {
            assertThat(bullet).contains(String.valueOf(hostPort(compose.at("/services/" + replica + "/ports/0"))));
        }
        Matcher variable = HOST_VARIABLE.matcher(Files.readString(Path.of("compose.yaml"), StandardCharsets.UTF_8));
        while (variable.find()) {
            assertThat(bullet).contains("`" + variable.group(1) + "`");
        }
    }
}
