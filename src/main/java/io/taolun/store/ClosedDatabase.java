package io.taolun.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * H2's errors for a database that closed itself (a write failed on a full disk, {@code SHUTDOWN IMMEDIATELY}): its
 * connections stay dead, and HikariCP, which only knows SQLSTATE class 08 and a few vendors' codes as broken, would
 * keep lending them out while they are used more often than its 500 ms validation window. Evicted instead, they
 * give way to new connections, and the first of those opens the file again.
 */
final class ClosedDatabase implements SQLExceptionOverride {
    private static final Set<Integer> CODES = Set.of(ErrorCode.DATABASE_IS_CLOSED,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.CONNECTION_BROKEN_1);

    /** True when {@code e}, or an exception it chains, says the connection's database is closed. */
    static boolean isCause(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; depth++) {
            if (t instanceof SQLException sql && CODES.contains(sql.getErrorCode())) {
                return true;
            }
            t = t instanceof SQLException sql && sql.getNextException() != null ? sql.getNextException()
                    : t.getCause();
        }
        return false;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return isCause(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
