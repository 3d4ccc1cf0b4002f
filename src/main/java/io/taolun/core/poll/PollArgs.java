package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.SafeText;

/** Reads the numbers users type for polls: {@code 12} or {@code #12}, option numbers. */
final class PollArgs {
    private PollArgs() {
    }

    static long pollId(String typed) {
        String digits = typed.startsWith("#") ? typed.substring(1) : typed;
        if (!digits.matches("\\d{1,18}")) {
            throw new BadInputException("error.poll.id", SafeText.echo(typed));
        }
        long id = Long.parseLong(digits);
        if (id < 1) {
            throw new BadInputException("error.poll.id", SafeText.echo(typed));
        }
        return id;
    }

    /** The option number typed, or -1 when it is not a number (the service then answers with the valid range). */
    static int option(String typed) {
        return typed.matches("\\d{1,9}") ? Integer.parseInt(typed) : -1;
    }
}
