package io.taolun.core;

/**
 * A subcommand that a button press reaches as a typed action, dispatched by its type without being read as text.
 * The same subcommand may also be typed (the console's {@code vote 3 1}), then it is parsed as text.
 */
public interface ActionCommand<A extends Action> extends Command {
    /** The action type this command takes. */
    Class<A> actionType();

    /** Answers the press, or throws {@link BadInputException} for one it cannot answer (a closed poll). */
    Reply act(A action, Invocation invocation);
}
