package io.taolun.console;

import io.taolun.core.Answerer;
import io.taolun.core.Attachment;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One person at the console: turns each typed line into a request from that user in that channel and renders the
 * reply. Pure apart from the router it is given; both the script mode and the interactive mode use it.
 */
public final class ConsoleSession {
    /** The terminal width replies are wrapped to. */
    public static final int COLUMNS = 80;

    private static final String PREFIX = "/article";

    private final Answerer router;
    private final boolean administers;
    private final String user;
    private final String channel;
    private final Optional<Lang> lang;
    private final Lang defaultLang;
    private final PlainTextRenderer renderer;
    private final Path attachmentsDir;
    private final Shown shown;

    /** Told of each reply posted to the channel, in the language it was shown in. */
    @FunctionalInterface
    public interface Shown {
        Shown NONE = (reply, lang) -> { };

        void shown(Reply reply, Lang lang);
    }

    /**
     * @param lang        the language asked for with {@code --lang}, or empty to use the default
     * @param defaultLang the configured default language
     * @param columns     terminal width used for wrapping
     * @param attachmentsDir where files attached to replies (CSV exports, charts) are saved
     */
    public ConsoleSession(Answerer router, String user, String channel, Optional<Lang> lang, Lang defaultLang,
            int columns, Path attachmentsDir) {
        this(router, user, channel, lang, defaultLang, columns, attachmentsDir, true);
    }

    /**
     * @param administers whether this console's user administers it: true for the operator at their own terminal
     *                    (no console admins configured); otherwise only the users listed in
     *                    {@code polls.admins.console}, and the opener rule applies to the rest, as on the platforms
     */
    public ConsoleSession(Answerer router, String user, String channel, Optional<Lang> lang, Lang defaultLang,
            int columns, Path attachmentsDir, boolean administers) {
        this(router, user, channel, lang, defaultLang, columns, attachmentsDir, administers, Shown.NONE);
    }

    /**
     * @param shown told of each reply posted to the channel: a poll's message is recorded with it, so that it gets
     *              its reminder and its results like a poll posted on a platform
     */
    public ConsoleSession(Answerer router, String user, String channel, Optional<Lang> lang, Lang defaultLang,
            int columns, Path attachmentsDir, boolean administers, Shown shown) {
        this.shown = Objects.requireNonNull(shown, "shown");
        this.administers = administers;
        this.router = Objects.requireNonNull(router, "router");
        this.user = user;
        this.channel = channel;
        this.lang = lang;
        this.defaultLang = defaultLang;
        this.renderer = new PlainTextRenderer(columns);
        this.attachmentsDir = attachmentsDir;
        // fail at start, not at the first line, on a blank --user or --channel
        new ChatRequest("console", "local", channel, user, "", "");
    }

    /** The rendered answer to one typed line; empty for a blank line. */
    public Optional<String> answer(String typed) {
        String line = typed.strip();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String text;
        if (line.equals(PREFIX) || line.startsWith(PREFIX + " ")) {
            text = line.substring(PREFIX.length());
        } else if (line.startsWith("/")) {
            Messages m = messages();
            return Optional.of("! " + m.get("console.unknownCommand", SafeText.echo(line.split("\\s+", 2)[0])));
        } else {
            text = line;
        }
        String locale = lang.map(Lang::code).orElse("");
        Reply reply = router.handle(new ChatRequest("console", "local", channel, user, locale, text, administers));
        String rendered = renderer.render(reply, messages());
        if (reply.attachment().isPresent()) {
            rendered = rendered + "\n" + save(reply.attachment().get());
        }
        if (reply.visibility() == Visibility.IN_CHANNEL) {
            rendered = rendered + "\n" + messages().get("console.posted", channel);
            shown.shown(reply, lang.orElse(defaultLang));
        }
        return Optional.of(rendered);
    }

    /** Words offered by tab completion. */
    public List<String> completions() {
        return router.commandNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private String save(Attachment attachment) {
        try {
            Files.createDirectories(attachmentsDir);
            Path file = attachmentsDir.resolve(attachment.fileName());
            Files.write(file, attachment.bytes());
            return messages().get("console.saved", file.toAbsolutePath());
        } catch (IOException e) {
            return "! " + messages().get("console.notSaved", attachment.fileName(), e.getMessage());
        }
    }

    String welcome() {
        return messages().get("console.welcome");
    }

    private Messages messages() {
        return Messages.of(lang.orElse(defaultLang));
    }
}
