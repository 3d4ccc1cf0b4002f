package io.taolun.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The console adapter: runs a list of commands and exits, or reads commands at a JLine prompt until Ctrl-D. */
public final class ConsoleAdapter {
    private final ConsoleSession session;

    public ConsoleAdapter(ConsoleSession session) {
        this.session = session;
    }

    /** Answers each command in order, a blank line between answers. */
    public void runScript(List<String> commands, PrintStream out) {
        boolean first = true;
        for (String command : commands) {
            var answer = session.answer(command);
            if (answer.isEmpty()) {
                continue;
            }
            if (!first) {
                out.println();
            }
            out.println(answer.get());
            first = false;
        }
        out.flush();
    }

    /**
     * Without a terminal (input piped in, {@code docker run} without {@code -t}): reads commands line by line until
     * the input ends, with no prompt, no line editing and no escape codes.
     */
    public void runLines(InputStream in, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String trimmed = line.strip();
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                return;
            }
            session.answer(line).ifPresent(answer -> {
                out.println(answer);
                out.println();
            });
        }
        out.flush();
    }

    /**
     * The interactive console, with history kept in {@code dataDir} and tab completion of subcommands; scheduled
     * posts are printed above the prompt.
     */
    public void runInteractive(Path dataDir, ConsoleGateway posts) throws IOException {
        Files.createDirectories(dataDir);
        try (Terminal terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build()) {
            List<String> words = session.completions();
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("taolun")
                    .variable(LineReader.HISTORY_FILE, dataDir.resolve("console_history"))
                    .completer(new AggregateCompleter(
                            new ArgumentCompleter(new StringsCompleter("/article"), new StringsCompleter(words),
                                    NullCompleter.INSTANCE),
                            new ArgumentCompleter(new StringsCompleter(words), NullCompleter.INSTANCE)))
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            out.println(session.welcome());
            posts.printTo(reader::printAbove);
            while (true) {
                String line;
                try {
                    line = reader.readLine("taolun> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                String trimmed = line.strip();
                if (trimmed.equals("exit") || trimmed.equals("quit")) {
                    return;
                }
                session.answer(line).ifPresent(out::println);
            }
        }
    }
}
