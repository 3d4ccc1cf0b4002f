package io.taolun.core.ritual;

import io.taolun.core.BadInputException;
import io.taolun.core.ChatRequest;
import io.taolun.core.ChannelRef;
import io.taolun.core.poll.PollPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The subscription use cases: add, list and turn off rituals, and bring the config file's rituals in at start. */
public final class RitualService {
    /** Most weekly polls one channel can have. */
    static final int MAX_WEEKLY_PER_CHANNEL = 3;

    private final RitualSubscriptions store;
    private final RitualScheduler scheduler;
    private final PollPolicy policy;
    private final Clock clock;

    public RitualService(RitualSubscriptions store, RitualScheduler scheduler, PollPolicy policy, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.policy = policy;
        this.clock = clock;
    }

    public Ritual create(ChatRequest request, Ritual.Spec spec) {
        requireAdmin(request);
        List<Ritual> here = store.in(request.where());
        if (spec.kind() == RitualKind.QOTD && here.stream().anyMatch(r -> r.kind() == RitualKind.QOTD)) {
            throw new BadInputException("error.schedule.qotdExists", idOf(here, RitualKind.QOTD));
        }
        if (here.stream().filter(r -> r.kind() == RitualKind.WEEKLY_POLL).count() >= MAX_WEEKLY_PER_CHANNEL
                && spec.kind() == RitualKind.WEEKLY_POLL) {
            throw new BadInputException("error.schedule.tooMany", MAX_WEEKLY_PER_CHANNEL);
        }
        Instant now = clock.instant();
        Ritual ritual = store.create(spec, now);
        scheduler.schedule(ritual.id(), Slots.next(spec, now).at());
        return ritual;
    }

    public List<Ritual> list(ChannelRef where) {
        return store.in(where);
    }

    /** The active rituals posting anywhere in a workspace (the app's home). */
    public List<Ritual> inWorkspace(String platform, String workspace) {
        return store.inWorkspace(platform, workspace);
    }

    /** Turns off a ritual of this channel's workspace that was made by command. */
    public Ritual off(ChatRequest request, long id) {
        requireAdmin(request);
        Ritual ritual = store.find(id).filter(Ritual::active)
                .filter(r -> r.spec().targets().stream().anyMatch(t -> t.platform().equals(request.platform())
                        && t.workspace().equals(request.workspace())))
                .orElseThrow(() -> new BadInputException("error.schedule.unknown", id));
        if (ritual.spec().configName().isPresent()) {
            throw new BadInputException("error.schedule.config", id, ritual.spec().configName().get());
        }
        store.deactivate(id);
        scheduler.cancel(id);
        return ritual;
    }

    /**
     * A channel now discusses another article: its schedules made by command (which post to it alone) move with it,
     * keeping their ids and times; each posts from the new article from its next run on (a weekly poll already open
     * stays open and closes as planned). Schedules from the config file keep the article they name. Running it twice,
     * or on two replicas at once, moves each schedule once.
     *
     * @return the schedules moved, as they are now
     */
    public List<Ritual> follow(ChannelRef where, String articleId) {
        List<Ritual> moved = new java.util.ArrayList<>();
        for (Ritual ritual : store.in(where)) {
            Ritual.Spec s = ritual.spec();
            if (s.configName().isEmpty() && s.targets().equals(List.of(where))
                    && store.moveToArticle(ritual.id(), articleId)) {
                store.find(ritual.id()).ifPresent(moved::add);
            }
        }
        return moved;
    }

    /** When the ritual fires next. */
    public Instant nextAt(Ritual ritual) {
        return Slots.next(ritual.spec(), clock.instant()).at();
    }

    /**
     * Makes the stored config-file rituals match the config: adds and updates them (a changed one is rescheduled),
     * and turns off those no longer in the file.
     */
    public void syncConfigured(List<Ritual.Spec> specs) {
        Instant now = clock.instant();
        for (Ritual.Spec spec : specs) {
            if (spec.kind() == RitualKind.QOTD) {
                // one quote of the day per channel: the config's wins over one set by command
                for (var target : spec.targets()) {
                    store.in(target).stream()
                            .filter(r -> r.kind() == RitualKind.QOTD && r.spec().configName().isEmpty())
                            .forEach(r -> {
                                store.deactivate(r.id());
                                scheduler.cancel(r.id());
                            });
                }
            }
            RitualStore.Upserted upserted = store.upsertConfigured(spec, now);
            Instant next = Slots.next(spec, now).at();
            if (upserted.changed()) {
                scheduler.schedule(upserted.ritual().id(), next);
            } else {
                scheduler.ensure(upserted.ritual().id(), next);
            }
        }
        Set<String> names = specs.stream().map(s -> s.configName().orElseThrow()).collect(Collectors.toSet());
        store.deactivateConfiguredExcept(names).forEach(scheduler::cancel);
    }

    private void requireAdmin(ChatRequest request) {
        if (!policy.isAdmin(request)) {
            throw new BadInputException("error.schedule.notAllowed");
        }
    }

    private static long idOf(List<Ritual> rituals, RitualKind kind) {
        return rituals.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow().id();
    }
}
