package io.taolun.discord;

import io.taolun.core.ChatGateway;
import io.taolun.core.ChatRequest;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.poll.CoalescedUpdates;
import io.taolun.core.poll.PollMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;

/**
 * Taolun on Discord: JDA with no privileged intents, the {@code /article} command tree with autocomplete, embeds with
 * vote buttons. Every interaction is handed to the core off JDA's event thread; if the answer is not ready within
 * {@link #DEFER_AFTER_MILLIS}, the interaction is deferred and the original edited once it is, so Discord never says
 * "This interaction failed". Poll messages' tallies are edited at most once a second.
 */
public final class DiscordAdapter extends ListenerAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    /** Discord allows 3 s for the first response; past this the interaction is deferred. */
    static final long DEFER_AFTER_MILLIS = 1500;

    private static final int PENDING = 0;
    private static final int DEFERRED = 1;
    private static final int ANSWERED = 2;

    private final DiscordSettings settings;
    private final CommandRouter router;
    private final PollMessages polls;
    private final Autocomplete autocomplete;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final CoalescedUpdates<String> tally;
    private final Map<String, PollMessage> pollMessages = new ConcurrentHashMap<>();
    private volatile Shards shards;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean globalCommands = new AtomicBoolean();
    private final DiscordGateway gateway = new DiscordGateway(this::sessionOf);
    private final Telemetry telemetry;

    /** A posted poll message, as last seen on a button press. */
    private record PollMessage(Message message, String guild, long pollId, Lang lang) {
    }

    public DiscordAdapter(DiscordSettings settings, CommandRouter router, PollMessages polls, Article article,
            ExecutorService work, ScheduledExecutorService timers, Clock clock) {
        this(settings, router, polls, article, work, timers, clock, Telemetry.NONE);
    }

    /** @param telemetry told how long each interaction took to acknowledge */
    public DiscordAdapter(DiscordSettings settings, CommandRouter router, PollMessages polls, Article article,
            ExecutorService work, ScheduledExecutorService timers, Clock clock, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.settings = settings;
        this.router = router;
        this.polls = polls;
        this.autocomplete = new Autocomplete(article);
        this.work = work;
        this.timers = timers;
        this.tally = new CoalescedUpdates<>(timers, clock, Duration.ofSeconds(1),
                this::updatePoll);
    }

    /** Logs in (every shard held, when sharded); commands are registered once the sessions are ready. */
    public void start() {
        MessageRequest.setDefaultMentions(Embeds.NO_MENTIONS);
        shards = Shards.login(settings, Sessions.REST_TIMEOUT, this);
    }

    /**
     * Posts and edits outside of interactions (scheduled posts, live updates) through the session holding the guild;
     * it can post only where {@link ChatGateway#canPost} says this process holds the guild.
     */
    public ChatGateway gateway() {
        return gateway;
    }

    /** JDA's status (per shard if they differ), for the health endpoint. */
    public String state() {
        Shards held = shards;
        return held == null ? "starting" : held.state();
    }

    /** Whether every shard held is connected. */
    public boolean ready() {
        Shards held = shards;
        return held != null && held.ready();
    }

    private Optional<JDA> sessionOf(String guild) {
        Shards held = shards;
        return held == null ? Optional.empty() : held.forGuild(guild);
    }

    /** Waits (up to the grace period) for the answers in flight to be sent, then shuts every session down. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Shards held = shards;
        if (held != null) {
            held.shutdown(Duration.ofSeconds(5));
        }
    }

    /** Each shard is ready once; global commands belong to the application, so one registration per process. */
    @Override
    public void onReady(ReadyEvent event) {
        if (settings.guilds().isEmpty() && globalCommands.compareAndSet(false, true)) {
            event.getJDA().updateCommands().addCommands(CommandTree.commands()).queue(
                    done -> LOG.info("registered {} global commands", done.size()),
                    failure -> LOG.warn("command registration failed: {}", failure.getMessage()));
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        registerIn(event.getGuild());
    }

    /** A configured guild that adds the bot while it runs gets the commands at once too. */
    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        registerIn(event.getGuild());
    }

    private void registerIn(Guild guild) {
        if (settings.guilds().contains(guild.getId())) {
            guild.updateCommands().addCommands(CommandTree.commands()).queue(
                    done -> LOG.info("registered commands in guild {}", guild.getId()),
                    failure -> LOG.warn("command registration failed: {}", failure.getMessage()));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(CommandTree.ARTICLE) && !event.getName().equals(CommandTree.ADMIN)) {
            return;
        }
        boolean admin = managesServer(event);
        String text = CommandTree.text(event);
        boolean publicAnswer = CommandTree.isPublic(event);
        // what everyone sees is in the guild's language; what only the user sees, in theirs
        ChatRequest request = request(event, text, admin, publicAnswer);
        if (event.getName().equals(CommandTree.ADMIN) && !admin) {
            Messages m = Messages.of(Lang.fromLocale(event.getUserLocale().getLocale(), Lang.EN));
            event.reply(Embeds.create(Reply.builder().error().text(m.get("discord.needsManageServer")).build()))
                    .setEphemeral(true).queue(ok -> { }, failure -> LOG.warn("reply failed: {}", failure.getMessage()));
            return;
        }
        answer(event, request, !publicAnswer, reply -> { });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        var pollId = PollMessages.pollOf(id);
        if (pollId.isEmpty()) {
            LOG.info("unknown discord button ignored");
            event.deferEdit().queue();
            return;
        }
        ChatRequest request = request(event, id, managesServer(event), false);
        Message message = event.getMessage();
        Lang lang = Lang.fromLocale(event.isFromGuild() ? event.getGuildLocale().getLocale() : "", Lang.ZH);
        answer(event, request, true, reply -> {
            if (!reply.error()) {
                pollMessages.put(message.getId(), new PollMessage(message, request.workspace(), pollId.get(), lang));
                tally.changed(message.getId());
            }
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Lang lang = Lang.fromLocale(event.getUserLocale().getLocale(), Lang.EN);
        var focused = event.getFocusedOption();
        event.replyChoices(autocomplete.choices(focused.getName(), focused.getValue(), lang))
                .queue(ok -> { }, failure -> LOG.info("autocomplete reply failed: {}", failure.getMessage()));
    }

    /**
     * Runs the core off the event thread; replies directly when the answer comes within the defer budget, else
     * defers first and edits the original when it comes.
     */
    private void answer(IReplyCallback event, ChatRequest request, boolean ephemeralGuess,
            Consumer<Reply> after) {
        long received = System.nanoTime();
        String kind = event instanceof ButtonInteractionEvent ? "button" : "command";
        Map<String, String> context = Map.of("platform", "discord", "channel", request.channel(),
                "request", event.getId());
        AtomicInteger state = new AtomicInteger(PENDING);
        CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> {
            MDC.setContextMap(context);
            try {
                return router.handle(request);
            } finally {
                MDC.clear();
            }
        }, work);
        ScheduledFuture<?> defer = timers.schedule(() -> {
            if (state.compareAndSet(PENDING, DEFERRED)) {
                event.deferReply(ephemeralGuess).queue(ok -> telemetry.acknowledged("discord", kind,
                        System.nanoTime() - received), f -> LOG.warn("defer failed: {}", f.getMessage()));
            }
        }, DEFER_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        inFlight.incrementAndGet();
        answer.whenComplete((reply, failure) -> {
            defer.cancel(false);
            MDC.setContextMap(context);
            if (state.get() == PENDING) {
                // answered within the defer budget: the reply itself is the acknowledgement
                telemetry.acknowledged("discord", kind, System.nanoTime() - received);
            }
            try {
                if (reply == null) {
                    LOG.error("discord command failed", failure);
                    send(event, state, internalError(request), r -> { });
                } else {
                    send(event, state, reply, after);
                }
            } catch (RuntimeException e) {
                LOG.error("discord reply could not be built or sent", e);
                try {
                    send(event, state, internalError(request), r -> { });
                } catch (RuntimeException again) {
                    LOG.error("discord error reply failed too", again);
                }
            } finally {
                inFlight.decrementAndGet();
                MDC.clear();
            }
        });
    }

    private static Reply internalError(ChatRequest request) {
        return Reply.builder().error().text(Messages.of(Lang.fromLocale(request.locale(), Lang.EN))
                .get("error.internal")).build();
    }

    /** Replies, or edits the deferred original; {@code after} runs once Discord took it. */
    private static void send(IReplyCallback event, AtomicInteger state, Reply reply, Consumer<Reply> after) {
        if (state.compareAndSet(PENDING, ANSWERED)) {
            event.reply(Embeds.create(reply)).setEphemeral(reply.visibility() == Visibility.EPHEMERAL)
                    .queue(ok -> after.accept(reply), f -> LOG.warn("reply failed: {}", f.getMessage()));
        } else {
            event.getHook().editOriginal(Embeds.edit(reply))
                    .queue(ok -> after.accept(reply), f -> LOG.warn("edit failed: {}", f.getMessage()));
        }
    }

    /** Edits the poll message; done when Discord answered (JDA waits out rate limits itself). */
    private CompletableFuture<?> updatePoll(String messageId) {
        PollMessage target = pollMessages.get(messageId);
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> polls.keptCurrentElsewhere(target.pollId()) ? Optional.<Reply>empty()
                        : polls.current("discord", target.guild(), target.pollId(), target.lang()), work)
                .thenCompose(reply -> reply.isEmpty() ? CompletableFuture.completedFuture(null)
                        : target.message().editMessage(Embeds.edit(reply.get())).submit()
                                .exceptionally(f -> {
                                    LOG.info("tally edit failed: {}", f.getMessage());
                                    return null;
                                }));
    }

    private static ChatRequest request(Interaction interaction, String text, boolean admin, boolean inGuildLanguage) {
        String guild = interaction.getGuild() != null ? interaction.getGuild().getId() : "dm";
        String channel = interaction.getChannelId() != null ? interaction.getChannelId() : "unknown";
        String locale = inGuildLanguage && interaction.isFromGuild() ? interaction.getGuildLocale().getLocale()
                : interaction.getUserLocale().getLocale();
        return new ChatRequest("discord", guild, channel, interaction.getUser().getId(), locale, text, admin);
    }

    /**
     * Whether the member has Manage Server, from the permissions Discord sends with the interaction. Guilds are not
     * cached (no intents), so the check goes through the interaction's channel.
     */
    private static boolean managesServer(Interaction interaction) {
        Member member = interaction.getMember();
        if (member == null) {
            return false;
        }
        try {
            return interaction.getGuildChannel() != null
                    ? member.hasPermission(interaction.getGuildChannel(), Permission.MANAGE_SERVER)
                    : member.hasPermission(Permission.MANAGE_SERVER);
        } catch (RuntimeException e) {
            LOG.info("permissions of a discord member unknown ({}); treated as no Manage Server",
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
