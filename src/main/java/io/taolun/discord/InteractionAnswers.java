package io.taolun.discord;

import io.taolun.core.Answerer;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import io.taolun.core.Visibility;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers interactions: runs the core off JDA's event thread, replies directly when the answer comes within
 * {@link #DEFER_AFTER_MILLIS}, else defers first and edits the original when it comes, so Discord never says "This
 * interaction failed". Every log line about an interaction carries its platform, channel and id; the time to the
 * acknowledgement (the reply or the deferral) is reported once.
 */
final class InteractionAnswers {
    /** Discord allows 3 s for the first response; past this the interaction is deferred. */
    static final long DEFER_AFTER_MILLIS = 1500;
    private static final Logger LOG = LoggerFactory.getLogger(InteractionAnswers.class);
    private static final int PENDING = 0;
    private static final int DEFERRED = 1;
    private static final int ANSWERED = 2;

    private final Answerer router;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final Telemetry telemetry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    InteractionAnswers(Answerer router, ExecutorService work, ScheduledExecutorService timers,
            Telemetry telemetry) {
        this.router = router;
        this.work = work;
        this.timers = timers;
        this.telemetry = telemetry;
    }

    /** Answers from now on that the bot is restarting, without running the core. */
    void stopTaking() {
        closing = true;
    }

    /** How many answers are under way. */
    int inFlight() {
        return inFlight.get();
    }

    /** The log context of an interaction. */
    static Map<String, String> context(IReplyCallback event, String channel) {
        return Map.of("platform", "discord", "channel", channel, "request", event.getId());
    }

    /** Runs {@code action} with the interaction's log context. */
    static void logged(Map<String, String> context, Runnable action) {
        MDC.setContextMap(context);
        try {
            action.run();
        } finally {
            MDC.clear();
        }
    }

    /**
     * @param ephemeralGuess whether a deferral is ephemeral (before the answer says)
     * @param after          runs once Discord took the answer
     */
    void answer(IReplyCallback event, ChatRequest request, boolean ephemeralGuess, Consumer<Reply> after) {
        long received = System.nanoTime();
        String kind = event instanceof ButtonInteractionEvent ? "button"
                : event instanceof ModalInteractionEvent ? "form" : "command";
        Map<String, String> context = context(event, request.channel());
        AtomicInteger state = new AtomicInteger(PENDING);
        AtomicBoolean acknowledged = new AtomicBoolean();
        Runnable ack = () -> {
            if (acknowledged.compareAndSet(false, true)) {
                telemetry.acknowledged("discord", kind, System.nanoTime() - received);
            }
        };
        CompletableFuture<Reply> answer;
        try {
            if (closing) {
                throw new RejectedExecutionException("closing");
            }
            answer = CompletableFuture.supplyAsync(() -> {
                MDC.setContextMap(context);
                try {
                    return router.handle(request);
                } finally {
                    MDC.clear();
                }
            }, work);
        } catch (RejectedExecutionException e) {
            logged(context, () -> LOG.info("interaction refused: the bot is stopping"));
            send(event, state, message(request, "discord.restarting"), r -> ack.run(), context);
            return;
        }
        ScheduledFuture<?> defer = timers.schedule(() -> {
            if (state.compareAndSet(PENDING, DEFERRED)) {
                event.deferReply(ephemeralGuess).queue(ok -> ack.run(),
                        f -> logged(context, () -> LOG.warn("defer failed: {}", f.getMessage())));
            }
        }, DEFER_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        inFlight.incrementAndGet();
        answer.whenComplete((reply, failure) -> {
            defer.cancel(false);
            MDC.setContextMap(context);
            try {
                if (reply == null) {
                    LOG.error("discord command failed", failure);
                    send(event, state, message(request, "error.internal"), r -> ack.run(), context);
                } else {
                    send(event, state, reply, r -> {
                        ack.run();
                        after.accept(r);
                    }, context);
                }
            } catch (RuntimeException e) {
                LOG.error("discord reply could not be built or sent", e);
                try {
                    send(event, state, message(request, "error.internal"), r -> ack.run(), context);
                } catch (RuntimeException again) {
                    LOG.error("discord error reply failed too", again);
                }
            } finally {
                inFlight.decrementAndGet();
                MDC.clear();
            }
        });
    }

    private static Reply message(ChatRequest request, String key) {
        return Reply.builder().error().text(Messages.of(Lang.fromLocale(request.locale(), Lang.EN)).get(key)).build();
    }

    /** Replies, or edits the deferred original; {@code after} runs once Discord took it. */
    private static void send(IReplyCallback event, AtomicInteger state, Reply reply, Consumer<Reply> after,
            Map<String, String> context) {
        if (reply.form().isPresent() && event instanceof IModalCallback opens && state.compareAndSet(PENDING, ANSWERED)) {
            // a modal must be the first answer: only when the core answered before the deferral
            opens.replyModal(Modals.of(reply.form().get())).queue(ok -> after.accept(reply),
                    f -> logged(context, () -> LOG.warn("modal failed: {}", f.getMessage())));
            return;
        }
        if (state.compareAndSet(PENDING, ANSWERED)) {
            event.reply(Embeds.create(reply)).setEphemeral(reply.visibility() == Visibility.EPHEMERAL)
                    .queue(ok -> after.accept(reply),
                            f -> logged(context, () -> LOG.warn("reply failed: {}", f.getMessage())));
        } else {
            event.getHook().editOriginal(Embeds.edit(reply))
                    .queue(ok -> after.accept(reply),
                            f -> logged(context, () -> LOG.warn("edit failed: {}", f.getMessage())));
        }
    }
}
