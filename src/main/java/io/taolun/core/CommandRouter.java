package io.taolun.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The core's single entry point: takes a neutral request for {@code /article ...} and returns a neutral reply.
 * It resolves the language, takes out the global options ({@code --lang}, {@code --share}), routes to the
 * subcommand and turns every failure into a short answer.
 */
public final class CommandRouter implements Answerer {
    /** Longest command text accepted, in characters; anything longer gets a short refusal. */
    public static final int MAX_INPUT = 2000;
    /** Longest workspace, channel or user id kept; platform ids are far shorter. */
    public static final int MAX_ID = 100;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    /** The commands that take button presses, by the type of action they take. */
    private final Map<Class<?>, ActionCommand<?>> actions = new LinkedHashMap<>();
    private final Lang defaultLang;
    private final Map<String, Lang> channelLanguages;
    private final Consumer<RuntimeException> onFailure;
    private final Telemetry telemetry;
    private final LongSupplier ticker;

    /**
     * @param commands    the subcommands, in the order help lists them
     * @param defaultLang the language when neither the user nor the locale picks one
     * @param onFailure   told about unexpected exceptions (the user gets a short apology instead)
     */
    public CommandRouter(List<Command> commands, Lang defaultLang, Consumer<RuntimeException> onFailure) {
        this(commands, defaultLang, Map.of(), onFailure);
    }

    /**
     * @param channelLanguages languages set per channel, keyed {@code platform:channel}; they win over the user's
     *                         locale (a {@code --lang} typed with the command still wins over them)
     */
    public CommandRouter(List<Command> commands, Lang defaultLang, Map<String, Lang> channelLanguages,
            Consumer<RuntimeException> onFailure) {
        this(commands, defaultLang, channelLanguages, onFailure, Telemetry.NONE, () -> 0L);
    }

    /**
     * @param telemetry told each command's name, platform, outcome and time taken
     * @param ticker    a nanosecond ticker for those times ({@code System::nanoTime})
     */
    public CommandRouter(List<Command> commands, Lang defaultLang, Map<String, Lang> channelLanguages,
            Consumer<RuntimeException> onFailure, Telemetry telemetry, LongSupplier ticker) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.defaultLang = Objects.requireNonNull(defaultLang, "defaultLang");
        this.channelLanguages = Map.copyOf(channelLanguages);
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        for (Command command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null || command.name().equals("help")) {
                throw new IllegalArgumentException("duplicate command " + command.name());
            }
            if (command instanceof ActionCommand<?> taking && actions.putIfAbsent(taking.actionType(), taking) != null) {
                throw new IllegalArgumentException("two commands take " + taking.actionType().getSimpleName());
            }
        }
    }

    @Override
    public List<String> commandNames() {
        List<String> names = new ArrayList<>();
        names.add("help");
        names.addAll(commands.keySet());
        return names;
    }

    @Override
    public Reply handle(ChatRequest request) {
        long start = ticker.getAsLong();
        Answered answered = answer(request);
        Reply reply = answered.reply();
        String outcome = !reply.error() ? "ok" : reply.fields().isEmpty() ? "error" : "bad_input";
        telemetry.commandHandled(request.platform(), answered.command(), outcome, ticker.getAsLong() - start);
        return reply;
    }

    /** A reply and the subcommand that gave it ({@code help} for unknown ones), for telemetry. */
    private record Answered(Reply reply, String command) {
    }

    private Answered answer(ChatRequest request) {
        Lang channel = channelLanguages.get(request.platform() + ":" + request.channel());
        Messages messages = Messages.of(channel != null ? channel : Lang.fromLocale(request.locale(), defaultLang));
        String subcommand = "help";
        try {
            if (request.workspace().length() > MAX_ID || request.channel().length() > MAX_ID
                    || request.user().length() > MAX_ID) {
                throw new BadInputException("error.request.ids", MAX_ID);
            }
            Optional<Action> action = request.action();
            if (action.isPresent() && !(action.get() instanceof ShareAction)) {
                ActionCommand<?> taking = actions.get(action.get().getClass());
                if (taking == null) {
                    throw new BadInputException("error.command.unknown", SafeText.echo(action.get().value()));
                }
                subcommand = taking.name();
                return new Answered(act(taking, action.get(), new Invocation(request, messages, List.of(), false)),
                        subcommand);
            }
            // a shared answer is its command answered again, for the channel: the text is read as it was then
            String text = SafeText.stripControls(action.map(Action::value).orElse(request.text()));
            if (text.length() > MAX_INPUT) {
                throw new BadInputException("error.input.tooLong", String.valueOf(MAX_INPUT));
            }
            List<String> words = new ArrayList<>(Tokenizer.split(text));
            messages = takeLanguage(words, messages);
            boolean share = words.remove("--share") || action.isPresent();
            if (words.isEmpty()) {
                return new Answered(help(messages, request.platform()), "help");
            }
            subcommand = SafeText.halfWidth(words.remove(0)).toLowerCase(Locale.ROOT);
            if (subcommand.equals("help")) {
                return new Answered(help(messages, request.platform()), "help");
            }
            Command command = commands.get(subcommand);
            if (command == null) {
                String unknown = SafeText.echo(subcommand);
                subcommand = "help";
                throw new BadInputException("error.command.unknown", unknown);
            }
            return new Answered(command.run(new Invocation(request, messages, words, share)), subcommand);
        } catch (BadInputException e) {
            return new Answered(usageReply(messages, request.platform(), subcommand, messages.get(e.key(), e.args())),
                    commands.containsKey(subcommand) ? subcommand : "help");
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return new Answered(Reply.builder().error().text(messages.get("error.internal")).build(),
                    commands.containsKey(subcommand) ? subcommand : "help");
        }
    }

    private static <A extends Action> Reply act(ActionCommand<A> command, Action action, Invocation invocation) {
        return command.act(command.actionType().cast(action), invocation);
    }

    /** Takes every {@code --lang xx} or {@code --lang=xx} out of the words; the last one wins. */
    private Messages takeLanguage(List<String> words, Messages current) {
        Messages chosen = current;
        for (int at = 0; at < words.size(); at++) {
            String word = words.get(at).toLowerCase(Locale.ROOT);
            String code;
            if (word.startsWith("--lang=")) {
                code = words.remove(at).substring("--lang=".length());
            } else if (word.equals("--lang")) {
                words.remove(at);
                if (at >= words.size()) {
                    throw new BadInputException("error.lang.missing");
                }
                code = words.remove(at);
            } else {
                continue;
            }
            at--;
            Lang lang = Lang.parse(code).orElseThrow(() -> new BadInputException("error.lang.unknown", SafeText.echo(code)));
            chosen = Messages.of(lang);
        }
        return chosen;
    }

    /** A usage line, in the platform's own form where it differs (Discord's admin commands). */
    private static String usage(Messages messages, String platform, String subcommand) {
        String specific = "usage." + subcommand + "." + platform;
        return messages.get(messages.has(specific) ? specific : "usage." + subcommand);
    }

    private Reply usageReply(Messages messages, String platform, String subcommand, String problem) {
        String usage = commands.containsKey(subcommand) && messages.has("usage." + subcommand)
                ? usage(messages, platform, subcommand)
                : "/article <" + String.join(" | ", commandNames()) + ">";
        return Reply.builder()
                .error()
                .text(problem)
                .field(messages.get("label.usage"), usage)
                .footer(messages.get("hint.help"))
                .build();
    }

    private Reply help(Messages messages, String platform) {
        Reply.Builder reply = Reply.builder().title(messages.get("help.title")).text(messages.get("help.intro"));
        for (String name : commandNames()) {
            reply.field(usage(messages, platform, name), messages.get("help." + name));
        }
        return reply.footer(messages.get("help.footer")).build();
    }
}
