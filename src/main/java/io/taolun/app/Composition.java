package io.taolun.app;

import io.taolun.core.Command;
import io.taolun.core.CommandRouter;
import io.taolun.core.article.AboutCommand;
import io.taolun.core.article.Article;
import io.taolun.core.article.ClaimsCommand;
import io.taolun.core.article.DiscussCommand;
import io.taolun.core.article.Library;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SectionCommand;
import io.taolun.core.article.SummaryCommand;
import io.taolun.core.search.SearchCommand;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** The one composition root: builds every part of Taolun by hand from the config and the side effects it is given. */
final class Composition {
    private final CommandRouter router;
    private final Article article;

    Composition(TaolunConfig config, Library library, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure) {
        this.article = library.defaultArticle()
                .orElseThrow(() -> new ConfigException("seeds: no article (*.txt) was found"));
        List<Command> commands = List.of(
                new AboutCommand(article),
                new SectionCommand(article),
                new SummaryCommand(article),
                new QuoteCommand(article, clock, config.zone(), random),
                new ClaimsCommand(article),
                new SearchCommand(article),
                new DiscussCommand(article));
        this.router = new CommandRouter(commands, config.lang(), onFailure);
    }

    CommandRouter router() {
        return router;
    }

    Article article() {
        return article;
    }
}
