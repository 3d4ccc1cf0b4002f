package io.taolun.discord;

import io.taolun.core.Answerer;
import io.taolun.core.ChatGateway;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import io.taolun.core.library.Shelf;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
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
    static final long DEFER_AFTER_MILLIS = InteractionAnswers.DEFER_AFTER_MILLIS;

    private final DiscordSettings settings;
    private final Answerer router;
    private final PollMessages polls;
    private final Autocomplete autocomplete;
    private final CommandTree.Limits limits;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final CoalescedUpdates<String> tally;
    private final Map<String, PollMessage> pollMessages = new ConcurrentHashMap<>();
    private volatile Shards shards;
    private final AtomicBoolean globalCommands = new AtomicBoolean();
    private final DiscordGateway gateway = new DiscordGateway(this::sessionOf);
    private final InteractionAnswers answers;

    /** A posted poll message, as last seen on a button press. */
    private record PollMessage(Message message, String guild, long pollId, Lang lang) {
    }

    /** @param longestPoll the longest poll the core accepts ({@code polls.maxHours}), the bound of {@code hours} */
    public DiscordAdapter(DiscordSettings settings, Answerer router, PollMessages polls, Shelf shelf,
            Duration longestPoll, ExecutorService work, ScheduledExecutorService timers, Clock clock) {
        this(settings, router, polls, shelf, longestPoll, work, timers, clock, Telemetry.NONE);
    }

    /** @param telemetry told how long each interaction took to acknowledge */
    public DiscordAdapter(DiscordSettings settings, Answerer router, PollMessages polls, Shelf shelf,
            Duration longestPoll, ExecutorService work, ScheduledExecutorService timers, Clock clock,
            Telemetry telemetry) {
        this.answers = new InteractionAnswers(router, work, timers, telemetry);
        this.settings = settings;
        this.router = router;
        this.polls = polls;
        this.autocomplete = new Autocomplete(shelf, polls);
        this.limits = CommandTree.Limits.of(shelf, longestPoll);
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
        stopTakingInteractions();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (answers.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Shards held = shards;
        if (held != null) {
            held.shutdown(Duration.ofSeconds(2));
        }
    }

    /** From now on, interactions are answered that the bot is restarting, without running the core. */
    public void stopTakingInteractions() {
        answers.stopTaking();
    }

    /** Each shard is ready once; global commands belong to the application, so one registration per process. */
    @Override
    public void onReady(ReadyEvent event) {
        LOG.info("add the bot to a server with {}", Invite.url(event.getJDA().getSelfUser().getApplicationId()));
        if (settings.guilds().isEmpty() && globalCommands.compareAndSet(false, true)) {
            event.getJDA().updateCommands().addCommands(CommandTree.commands(limits)).queue(
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
            guild.updateCommands().addCommands(CommandTree.commands(limits)).queue(
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
                    .setEphemeral(true).queue(ok -> { }, failure -> InteractionAnswers.logged(
                            InteractionAnswers.context(event, request.channel()),
                            () -> LOG.warn("reply failed: {}", failure.getMessage())));
            return;
        }
        answers.answer(event, request, !publicAnswer, reply -> PollMessages.pollShown(reply)
                .filter(pollId -> gateway.canPost(request.where()))
                .ifPresent(pollId -> recordPosted(event, request, pollId)));
    }

    /**
     * A poll was posted as the interaction's answer: its message id is read back and recorded, so that from then on
     * the core keeps the message current and, at the poll's close, edits it closed and posts the results once.
     */
    private void recordPosted(SlashCommandInteractionEvent event, ChatRequest request, long pollId) {
        Lang lang = Lang.fromLocale(event.isFromGuild() ? event.getGuildLocale().getLocale() : "", Lang.ZH);
        event.getHook().retrieveOriginal().queue(message -> {
            try {
                work.execute(() -> {
                    try {
                        polls.posted(pollId, request.where(), message.getId(), lang);
                    } catch (RuntimeException e) {
                        LOG.warn("poll #{} was posted but not recorded: {}", pollId, e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.info("poll #{} not recorded: shutting down", pollId);
            }
        }, failure -> LOG.warn("poll #{} message not found after posting: {}", pollId, failure.getMessage()));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        var pollId = PollMessages.pollOf(id);
        if (pollId.isEmpty()) {
            InteractionAnswers.logged(InteractionAnswers.context(event, String.valueOf(event.getChannelId())),
                    () -> LOG.info("unknown discord button ignored"));
            event.deferEdit().queue();
            return;
        }
        ChatRequest request = request(event, id, managesServer(event), false);
        Message message = event.getMessage();
        Lang lang = Lang.fromLocale(event.isFromGuild() ? event.getGuildLocale().getLocale() : "", Lang.ZH);
        answers.answer(event, request, true, reply -> {
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
        ChatRequest at = request(event, "", false, false);
        Map<String, String> context = Map.of("platform", "discord", "channel", String.valueOf(event.getChannelId()),
                "request", event.getId());
        // the channel's article may need a database read: not on JDA's event thread
        try {
            work.execute(() -> event.replyChoices(autocomplete.choices(at.where(), focused.getName(),
                    focused.getValue(), lang)).queue(ok -> { }, failure -> InteractionAnswers.logged(context,
                            () -> LOG.info("autocomplete reply failed: {}", failure.getMessage()))));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: no choices offered
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
        // the interaction id: a vote delivered again (a gateway replay) is marked with it and counts once
        return new ChatRequest("discord", guild, channel, interaction.getUser().getId(), locale, text, admin,
                interaction.getId());
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
