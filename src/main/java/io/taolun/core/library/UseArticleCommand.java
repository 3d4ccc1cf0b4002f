package io.taolun.core.library;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.poll.PollPolicy;
import java.time.Clock;

/** {@code use <id>}: an admin picks the article this channel discusses; other channels keep theirs. */
public final class UseArticleCommand implements Command {
    private final Shelf shelf;
    private final PollPolicy policy;
    private final Clock clock;

    public UseArticleCommand(Shelf shelf, PollPolicy policy, Clock clock) {
        this.shelf = shelf;
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
        if (inv.args().size() != 1) {
            throw new BadInputException("error.use.id");
        }
        if (!policy.isAdmin(inv.request())) {
            throw new BadInputException("error.use.notAdmin");
        }
        Article article = shelf.find(inv.args().get(0)).orElseThrow(
                () -> new BadInputException("error.use.unknown", SafeText.echo(inv.args().get(0))));
        shelf.choices().choose(inv.request().where(), article.id(), inv.request().user(), clock.instant());
        return Reply.builder()
                .text(inv.messages().get("use.done", article.id(), article.meta().title().in(inv.lang())))
                .visibility(Visibility.IN_CHANNEL)
                .build();
    }
}
