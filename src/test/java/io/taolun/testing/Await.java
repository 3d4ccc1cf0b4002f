package io.taolun.testing;

import java.time.Duration;

/**
 * Waiting in tests: on a condition, checked often, with a ceiling that only a broken build reaches. The ceiling is
 * never the expected duration; a loaded or slowed machine (stress-ng, faketime) only makes the wait longer.
 */
public final class Await {
    /**
     * The default ceiling: far above any wait a working build needs, on any machine that runs the suite. 60 s, or
     * the seconds in {@code TAOLUN_TEST_CEILING_SECONDS}: the other-dates profile raises it, as libfaketime makes a
     * JVM several times slower and CI machines may be busy besides.
     */
    public static final Duration CEILING = Duration.ofSeconds(ceilingSeconds(System.getenv("TAOLUN_TEST_CEILING_SECONDS")));

    /** A condition that may throw (it may read a file, a database or a socket). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    static long ceilingSeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return 60;
        }
        long seconds = Long.parseLong(configured.strip());
        if (seconds < 60) {
            throw new IllegalArgumentException("TAOLUN_TEST_CEILING_SECONDS below 60: " + configured);
        }
        return seconds;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@link #CEILING}. */
    public static void until(String what, Condition condition) {
        until(what, CEILING, condition);
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code ceiling}. */
    public static void until(String what, Duration ceiling, Condition condition) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("not within " + ceiling + ": " + what);
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("failed checking " + what, e);
        }
    }
}
