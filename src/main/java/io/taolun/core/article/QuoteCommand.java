package io.taolun.core.article;

import io.taolun.core.BadInputException;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** {@code quote [n | random | today]}: a verbatim line of the article, attributed to its section. */
public final class QuoteCommand implements Command {
    private final Article article;
    private final Clock clock;
    private final ZoneId zone;
    private final RandomGenerator random;
    private final Function<ChannelRef, Optional<RitualQuote>> ritualQuote;

    /** @param zone the time zone whose calendar day decides {@code quote today} */
    public QuoteCommand(Article article, Clock clock, ZoneId zone, RandomGenerator random) {
        this(article, clock, zone, random, where -> Optional.empty());
    }

    /**
     * @param ritualQuote the quote a channel's quote-of-the-day ritual shows today (and that day, in the ritual's
     *                    zone), if it has one: {@code quote today} then shows the same quote
     */
    public QuoteCommand(Article article, Clock clock, ZoneId zone, RandomGenerator random,
            Function<ChannelRef, Optional<RitualQuote>> ritualQuote) {
        this.article = article;
        this.clock = clock;
        this.zone = zone;
        this.random = random;
        this.ritualQuote = ritualQuote;
    }

    @Override
    public String name() {
        return "quote";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        Messages m = inv.messages();
        if (article.quotes().isEmpty()) {
            return Reply.builder().text(m.get("quote.none")).text(m.get("article.uncurated")).build();
        }
        if (inv.args().size() > 1) {
            throw new BadInputException("error.quote.arg", SafeText.echo(inv.argText()), article.quotes().size());
        }
        String arg = inv.args().isEmpty() ? "random" : inv.args().get(0).toLowerCase(Locale.ROOT);
        Quote quote;
        String heading;
        if (arg.equals("today")) {
            Optional<RitualQuote> ritual = ritualQuote.apply(inv.request().where());
            LocalDate today = ritual.map(RitualQuote::day).orElseGet(() -> LocalDate.now(clock.withZone(zone)));
            quote = ritual.flatMap(r -> article.quotes().stream().filter(q -> q.number() == r.number()).findFirst())
                    .orElseGet(() -> QuoteOfTheDay.pick(article.dailyQuotes(), channelKey(inv.request()), today));
            heading = m.get("quote.today", today.toString());
        } else if (arg.equals("random")) {
            quote = article.dailyQuotes().get(random.nextInt(article.dailyQuotes().size()));
            heading = "";
        } else if (SectionArg.isNumber(number(arg))) {
            int n = SectionArg.toInt(number(arg), -1);
            if (n < 1 || n > article.quotes().size()) {
                throw new BadInputException("error.quote.range", SafeText.echo(arg), article.quotes().size());
            }
            quote = article.quotes().get(n - 1);
            heading = "";
        } else {
            throw new BadInputException("error.quote.arg", SafeText.echo(arg), article.quotes().size());
        }
        return Reply.builder()
                .title(heading)
                .quote(quote.text(), inv.lang() == Lang.EN ? quote.gloss() : "", Labels.section(m, quote.section()))
                .footer(m.get("quote.footer", quote.number(), article.quotes().size()))
                .visibility(inv.shareVisibility())
                .build();
    }

    /** The number in a quote id as answers show it ("q5", "Ｑ5"), or the word as typed when it is not one. */
    private static String number(String arg) {
        String word = SafeText.halfWidth(arg);
        return word.length() > 1 && word.charAt(0) == 'q' ? word.substring(1) : arg;
    }

    private static String channelKey(ChatRequest r) {
        return r.platform() + ":" + r.workspace() + ":" + r.channel();
    }
}
