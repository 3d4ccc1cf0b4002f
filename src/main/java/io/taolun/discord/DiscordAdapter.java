package io.taolun.discord;

import io.taolun.core.Answerer;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.PollPosts;
import io.taolun.core.Completions;
import io.taolun.core.VoteAction;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
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
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import io.taolun.core.AddOptionAction;
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
 * "This interaction failed". A vote button's press reaches the core as a {@link VoteAction} naming the message
 * pressed on; the core keeps that message's tally current through the {@link #gateway}.
 */
public final class DiscordAdapter extends ListenerAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    /** Discord allows 3 s for the first response; past this the interaction is deferred. */
    static final long DEFER_AFTER_MILLIS = InteractionAnswers.DEFER_AFTER_MILLIS;

    private final DiscordSettings settings;
    private final Answerer router;
    private final PollPosts polls;
    private final Autocomplete autocomplete;
    private final CommandTree.Limits limits;
    private final ExecutorService work;
    private final DiscordSessions sessions;
    private final AtomicBoolean globalCommands = new AtomicBoolean();
    private final InteractionAnswers answers;

    /** @param longestPoll the longest poll the core accepts ({@code polls.maxHours}), the bound of {@code hours} */
    public DiscordAdapter(DiscordSettings settings, DiscordSessions sessions, Answerer router, PollPosts polls,
            Completions completions, Duration longestPoll, ExecutorService work, ScheduledExecutorService timers) {
        this(settings, sessions, router, polls, completions, longestPoll, work, timers, Telemetry.NONE);
    }

    /** @param telemetry told how long each interaction took to acknowledge */
    public DiscordAdapter(DiscordSettings settings, DiscordSessions sessions, Answerer router, PollPosts polls,
            Completions completions, Duration longestPoll, ExecutorService work, ScheduledExecutorService timers,
            Telemetry telemetry) {
        this.sessions = sessions;
        this.answers = new InteractionAnswers(router, work, timers, telemetry);
        this.settings = settings;
        this.router = router;
        this.polls = polls;
        this.autocomplete = new Autocomplete(completions);
        this.limits = CommandTree.Limits.of(completions, longestPoll);
        this.work = work;
    }

    /** Logs in (every shard held, when sharded); commands are registered once the sessions are ready. */
    public void start() {
        MessageRequest.setDefaultMentions(Embeds.NO_MENTIONS);
        sessions.held(Shards.login(settings, Sessions.REST_TIMEOUT, this));
    }

    /** The gateway of this adapter's sessions: the same as its {@link DiscordSessions}' gateway. */
    public io.taolun.core.ChatGateway gateway() {
        return sessions.gateway();
    }

    /** JDA's status (per shard if they differ), for the health endpoint. */
    public String state() {
        return sessions.shards().map(Shards::state).orElse("starting");
    }

    /** Whether every shard held is connected. */
    public boolean ready() {
        return sessions.shards().map(Shards::ready).orElse(false);
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
        sessions.shards().ifPresent(held -> held.shutdown(Duration.ofSeconds(2)));
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
        answers.answer(event, request, !publicAnswer, reply -> reply.pollShown()
                .filter(pollId -> sessions.gateway().canPost(request.where()))
                .ifPresent(pollId -> recordPosted(event, request, pollId)));
    }

    /**
     * A poll was posted as the interaction's answer: its message id is read back and recorded, so that from then on
     * the core keeps the message current and, at the poll's close, edits it closed and posts the results once.
     */
    private void recordPosted(SlashCommandInteractionEvent event, ChatRequest request, long pollId) {
        Lang lang = Lang.fromLocale(event.isFromGuild() ? event.getGuildLocale().getLocale() : "", Lang.ZH);
        // the core records it off this thread
        event.getHook().retrieveOriginal().queue(message -> polls.posted(pollId, request.where(), message.getId(), lang),
                failure -> LOG.warn("poll #{} message not found after posting: {}", pollId, failure.getMessage()));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (io.taolun.core.Action.parse(event.getComponentId()).orElse(null) instanceof AddOptionAction add) {
            // answered with a modal (the form) or, when the poll takes no option now, privately with why
            answers.answer(event, request(event, event.getComponentId(), managesServer(event), false).pressing(add),
                    true, reply -> { });
            return;
        }
        Optional<VoteAction> parsed = VoteAction.parse(event.getComponentId());
        if (parsed.isEmpty()) {
            InteractionAnswers.logged(InteractionAnswers.context(event, String.valueOf(event.getChannelId())),
                    () -> LOG.info("unknown discord button ignored"));
            event.deferEdit().queue();
            return;
        }
        VoteAction vote = parsed.get();
        Message message = event.getMessage();
        if (!message.isEphemeral()) {
            // the core keeps the pressed message current, in the guild's language, as the message was posted
            vote = vote.on(message.getId(), event.isFromGuild() ? event.getGuildLocale().getLocale() : "");
        }
        ChatRequest request = request(event, event.getComponentId(), managesServer(event), false).pressing(vote);
        answers.answer(event, request, true, reply -> { });
    }

    /** A submitted form: the action it stands for, with what was typed, answered privately. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<io.taolun.core.Action> action = Modals.submitted(event);
        if (action.isEmpty()) {
            InteractionAnswers.logged(InteractionAnswers.context(event, String.valueOf(event.getChannelId())),
                    () -> LOG.info("unknown discord modal ignored"));
            event.deferEdit().queue();
            return;
        }
        answers.answer(event, request(event, event.getModalId(), managesServer(event), false).pressing(action.get()),
                true, reply -> { });
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
