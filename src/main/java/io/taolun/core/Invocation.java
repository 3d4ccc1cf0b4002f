package io.taolun.core;

import java.util.List;
import java.util.Objects;

/**
 * A parsed subcommand call.
 *
 * @param request  the request it came from
 * @param messages strings in the language chosen for this reply
 * @param args     the words after the subcommand, quotes removed, global flags taken out
 * @param share    true when the user asked for the answer to be posted to the channel ({@code --share})
 */
public record Invocation(ChatRequest request, Messages messages, List<String> args, boolean share) {
    public Invocation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(messages, "messages");
        args = List.copyOf(args);
    }

    public Lang lang() {
        return messages.lang();
    }

    /** The args joined by single spaces. */
    public String argText() {
        return String.join(" ", args);
    }

    /** Ephemeral unless the user asked to share. */
    public Visibility shareVisibility() {
        return share ? Visibility.IN_CHANNEL : Visibility.EPHEMERAL;
    }

    /** Refuses any option this command does not take (an argument starting with {@code --}). */
    public Invocation withoutOptions() {
        for (String arg : args) {
            if (arg.startsWith("--")) {
                throw new BadInputException("error.option.unknown", SafeText.echo(arg));
            }
        }
        return this;
    }
}
