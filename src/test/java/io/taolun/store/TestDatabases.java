package io.taolun.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a fresh H2 file per call, and one embedded PostgreSQL server per test JVM (it takes a few
 * seconds to start) with a fresh database per call. Nothing is mocked.
 *
 * <p>Each fresh database is a copy of one that the migrations built once per test JVM (H2: its file; PostgreSQL:
 * {@code CREATE DATABASE ... TEMPLATE}), so opening it only validates the schema: migrating every new database took
 * most of the time of a store test. Migrating from empty is still what every start of the bot on a new data
 * directory does, and the adapter and process tests do that.
 */
public final class TestDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PG_TEMPLATE = "taolun_template";
    private static EmbeddedPostgres postgres;
    private static Path h2Template;

    private TestDatabases() {
    }

    /** The two kinds every store test runs on. */
    public enum Kind {
        H2,
        POSTGRES
    }

    /** A JDBC URL, user and password for a new, empty database. */
    public record Url(String url, String user, String password) {
    }

    public static Url fresh(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    /** A new database with no schema at all, for tests of a migration: the caller migrates it as far as it needs. */
    public static Url empty(Kind kind) {
        if (kind == Kind.H2) {
            try {
                return new Url(Database.h2Url(Files.createTempDirectory("taolun-h2-empty-")), "sa", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        postgres();
        String name = "taolun_empty_" + NEXT.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
        return new Url(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    public static Database open(Kind kind) {
        Url url = fresh(kind);
        return Database.open(url.url(), url.user(), url.password(), 16);
    }

    private static Url h2() {
        try {
            Path template = h2Template();
            Path dir = Files.createTempDirectory("taolun-h2-");
            Files.copy(template, dir.resolve(template.getFileName()));
            return new Url(Database.h2Url(dir), "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of an H2 database the migrations built, closed. */
    private static synchronized Path h2Template() throws IOException {
        if (h2Template == null) {
            Path dir = Files.createTempDirectory("taolun-h2-template-");
            // two connections: Flyway holds one for its lock while it migrates on the other
            Database.open(Database.h2Url(dir), "sa", "", 2).close();
            try (var files = Files.list(dir)) {
                h2Template = files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no H2 file in " + dir));
            }
        }
        return h2Template;
    }

    private static synchronized Url postgres() {
        try {
            if (postgres == null) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("taolun.pg.durable")) {
                    // the embedded server turns fsync off for speed; benchmarks measure a durable server
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                postgres = builder.start();
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + PG_TEMPLATE);
                }
                Database.open(postgres.getJdbcUrl("postgres", PG_TEMPLATE), "postgres", "postgres", 2).close();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "taolun_test_" + NEXT.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + PG_TEMPLATE);
            }
            return new Url(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }
}
