package io.taolun.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema: an H2 file in the data directory by default, or PostgreSQL. Migrations run at
 * open, the same scripts on both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    /**
     * The JDBC URL of the embedded database in {@code dataDir}. {@code WRITE_DELAY=0} writes every commit at once:
     * with H2's default delay, a process killed within a few hundred milliseconds of a commit loses the row.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: H2 would otherwise close the database from its own shutdown hook, under the
     * votes that a graceful shutdown is still committing; the pool's close closes it instead.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("taolun")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, null);
    }

    /**
     * Opens the pool, reporting its metrics to a Micrometer registry (passed untyped: HikariCP takes it as an
     * {@code Object}), and brings the schema up to date.
     */
    public static Database open(String url, String user, String password, int poolSize, Object meterRegistry) {
        HikariConfig config = new HikariConfig();
        if (meterRegistry != null) {
            config.setMetricRegistry(meterRegistry);
        }
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("taolun");
        config.setAutoCommit(true);
        config.setExceptionOverride(new ClosedDatabase());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, url.startsWith("jdbc:postgresql:"));
    }

    /**
     * True when the database takes a write: one row of {@code health_probe} updated and committed within two
     * seconds. A connection check alone passes on an H2 file opened read-only and, for a moment, on one that a full
     * disk closed. When H2 has closed, every pooled connection is dead: they are all evicted, so the next borrower
     * opens the file again once it can, with no restart.
     */
    public boolean probe() {
        // a failed update is rolled back by the pool, which does so for any connection returned mid-transaction
        try (Connection c = pool.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE health_probe SET probes = probes + 1 WHERE id = 1")) {
            c.setAutoCommit(false);
            update.setQueryTimeout(2);
            boolean one = update.executeUpdate() == 1;
            c.commit();
            return one;
        } catch (SQLException e) {
            if (ClosedDatabase.isCause(e)) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        pool.close();
    }
}
