package io.taolun.core.library;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.poll.PollPolicy;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualService;
import io.taolun.core.ritual.ScheduleCommand;
import java.time.Clock;

/**
 * {@code use <id>}: an admin picks the article this channel discusses; other channels keep theirs. The channel's
 * schedules made by command move to the new article; those from the config file keep the article they name, and
 * the reply says so.
 */
public final class UseArticleCommand implements Command {
    private final Shelf shelf;
    private final RitualService rituals;
    private final PollPolicy policy;
    private final Clock clock;

    public UseArticleCommand(Shelf shelf, RitualService rituals, PollPolicy policy, Clock clock) {
        this.shelf = shelf;
        this.rituals = rituals;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "use";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().isEmpty()) {
            throw new BadInputException("error.use.id");
        }
        // an id is a file name, which may hold spaces
        String id = inv.argText().strip();
        if (!policy.isAdmin(inv.request())) {
            throw new BadInputException("error.use.notAdmin");
        }
        Article article = shelf.find(id).orElseThrow(
                () -> new BadInputException("error.use.unknown", SafeText.echo(id)));
        shelf.choices().choose(inv.request().where(), article.id(), inv.request().user(), clock.instant());
        Messages m = inv.messages();
        Reply.Builder reply = Reply.builder()
                .text(m.get("use.done", article.id(), article.meta().title().in(inv.lang())))
                .text(m.get("use.follows"))
                .visibility(Visibility.IN_CHANNEL);
        for (Ritual moved : rituals.follow(inv.request().where(), article.id())) {
            reply.text(m.get("use.moved", moved.id(), ScheduleCommand.describe(moved, m)));
        }
        for (Ritual stays : rituals.list(inv.request().where())) {
            if (!stays.spec().articleId().equals(article.id())) {
                reply.text(m.get("use.stays", stays.id(), stays.spec().articleId()));
            }
        }
        return reply.build();
    }
}
