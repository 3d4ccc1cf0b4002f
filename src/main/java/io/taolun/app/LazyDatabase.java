package io.taolun.app;

import io.taolun.store.Database;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database, opened (pool, migrations) on the first connection anything asks for: a console command that reads
 * only the article ({@code quote 3}, {@code section 2}) never opens it, and starts in a fraction of the time. A server
 * opens it at once, through its health check and its rituals.
 */
final class LazyDatabase implements AutoCloseable {
    private final Supplier<Database> opener;
    private Runnable onOpen = () -> { };
    private final DataSource dataSource = new Opening();
    private volatile Database opened;
    private boolean closed;

    /** @param opener opens the database (and migrates it); its failure reaches whoever asked for a connection */
    LazyDatabase(Supplier<Database> opener) {
        this.opener = opener;
    }

    /**
     * What runs once, right after the database opened, before the caller that opened it gets its connection (the
     * composition writes the configured schedules then). Set while composing, before anything can open it.
     */
    synchronized void whenOpened(Runnable hook) {
        if (opened != null) {
            throw new IllegalStateException("the database is open already");
        }
        onOpen = hook;
    }

    /** A data source that opens the database on its first connection. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The database, opened now if it was not. */
    synchronized Database open() {
        if (opened == null) {
            if (closed) {
                throw new IllegalStateException("the database was closed");
            }
            Database database = opener.get();
            opened = database;
            try {
                onOpen.run();
            } catch (RuntimeException e) {
                opened = null;
                database.close();
                throw e;
            }
        }
        return opened;
    }

    /** Whether it was opened (a one-shot console command that needed none did not). */
    boolean isOpen() {
        return opened != null;
    }

    boolean probe() {
        return open().probe();
    }

    @Override
    public synchronized void close() {
        closed = true;
        Optional.ofNullable(opened).ifPresent(Database::close);
    }

    /** Hands out the opened database's connections. */
    private final class Opening implements DataSource {
        private DataSource target() {
            Database database = opened;
            return (database != null ? database : open()).dataSource();
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target().unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target().isWrapperFor(iface);
        }
    }
}
