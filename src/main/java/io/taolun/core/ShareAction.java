package io.taolun.core;

import java.util.Objects;

/**
 * A press of "share to the channel" under a private answer: the command that gave the answer, answered again for the
 * whole channel. The command is text the user typed before; the core's tokenizer reads it, as it read it then.
 */
public record ShareAction(String command) implements Action {
    public ShareAction {
        Objects.requireNonNull(command, "command");
        if (command.isBlank() || command.length() > 2000) {
            throw new IllegalArgumentException("a shared command must be 1 to 2000 characters");
        }
    }

    @Override
    public String value() {
        return command;
    }
}
