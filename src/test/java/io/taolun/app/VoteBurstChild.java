package io.taolun.app;

import io.taolun.core.Answerer;
import io.taolun.core.ChatRequest;
import io.taolun.core.Reply;
import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot, wired by the real composition root, driven as a child process by {@link VoteCrashIT}.
 *
 * <ul>
 *   <li>{@code burst DATA_DIR VOTES THREADS}: opens a poll, prints {@code POLL id}, then votes from many threads
 *       through the router (the path adapters use): user i presses one option, and every even user then moves to
 *       another; it prints {@code ACK user option} after each press the bot acknowledged;</li>
 *   <li>{@code dump DATA_DIR POLL_ID}: starts again on the same database, prints {@code ROW user option} for every
 *       stored vote and {@code TOTAL n} from the bot's own results.</li>
 * </ul>
 * The database is the H2 file in DATA_DIR unless TAOLUN_DB_URL is set, exactly as for the real bot.
 */
public final class VoteBurstChild {
    private VoteBurstChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path data = Path.of(args[1]);
        TaolunConfig config = TaolunConfig.defaults();
        Library library = new SeedLoader().load(Path.of("seeds"));
        DatabaseSettings db = DatabaseSettings.from(System.getenv(), data);
        try (Composition app = new Composition(config, library, db, Clock.systemUTC(), new SecureRandom(),
                e -> e.printStackTrace())) {
            if (args[0].equals("burst")) {
                burst(app.router(), Integer.parseInt(args[2]), Integer.parseInt(args[3]), out);
            } else {
                dump(app, Long.parseLong(args[2]), out);
            }
        }
    }

    private static void burst(Answerer router, int votes, int threads, PrintStream out) throws Exception {
        Reply poll = router.handle(new ChatRequest("console", "local", "crash", "opener", "en", "poll c1"));
        long id = Long.parseLong(poll.title().replaceAll("\\D", ""));
        out.println("POLL " + id);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < votes; i = next.getAndIncrement()) {
                    String user = "u" + i;
                    // every user votes; every even one then changes their mind (a move)
                    press(router, id, user, first(i), out);
                    if (i % 2 == 0) {
                        press(router, id, user, second(i), out);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        out.println("DONE");
    }

    /** The option user i presses first, and (even users) second. */
    static int first(int i) {
        return i % 5 + 1;
    }

    static int second(int i) {
        return (i + 2) % 5 + 1;
    }

    private static void press(Answerer router, long id, String user, int option, PrintStream out) {
        Reply reply = router.handle(new ChatRequest("console", "local", "crash", user, "en", "vote " + id + " " + option));
        if (!reply.error() && (reply.title().startsWith("Your vote on #" + id) || reply.title().contains(" is now: "))) {
            synchronized (out) {
                out.println("ACK " + user + " " + option);
            }
        }
    }

    private static void dump(Composition app, long pollId, PrintStream out) throws Exception {
        try (Connection c = app.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT user_id, option_no FROM vote WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.println("ROW " + rs.getString(1) + " " + rs.getInt(2));
                }
            }
        }
        Reply results = app.router().handle(
                new ChatRequest("console", "local", "crash", "checker", "en", "results " + pollId));
        out.println("TOTAL " + results.footer().replaceAll("^([0-9,]+) votes?.*$", "$1").replace(",", ""));
    }
}
