package io.taolun.discord;

import io.taolun.core.ChannelRef;
import io.taolun.core.Completions;
import io.taolun.core.Lang;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;

/** The core's completions in JDA's shape: an integer option's choices carry numbers, the others text. */
final class Autocomplete {
    static final int MAX_CHOICES = Completions.MAX_CHOICES;

    private final Completions completions;

    Autocomplete(Completions completions) {
        this.completions = completions;
    }

    List<Command.Choice> choices(ChannelRef where, String option, String typed, Lang lang) {
        return completions.choices(where, option, typed, lang).stream()
                .map(c -> c.number() ? new Command.Choice(c.name(), Long.parseLong(c.value()))
                        : new Command.Choice(c.name(), c.value()))
                .toList();
    }
}
