package io.taolun.core;

/** One {@code /article} subcommand. Implementations return a reply and do no I/O. */
public interface Command {
    /** The subcommand word, e.g. {@code quote}. */
    String name();

    /** Answers the invocation, or throws {@link BadInputException} for input it cannot answer. */
    Reply run(Invocation invocation);
}
