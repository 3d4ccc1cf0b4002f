package io.taolun.core;

import java.util.Optional;

/**
 * A button press, typed once at the platform's edge and trusted after: the core dispatches it to its handler without
 * reading it as command text again. Buttons still carry text on the platforms (so that buttons posted before this
 * type existed keep working); {@link #parse} is the one place that reads it.
 */
public sealed interface Action permits VoteAction, ShareAction, AddOptionAction {
    /** The button's value on the platform, as {@link #parse} reads it back. */
    String value();

    /**
     * The action a button's value stands for: {@code vote <poll> <option>} is a {@link VoteAction}, {@code add-option <poll>} an
     * {@link AddOptionAction}; anything else is
     * empty (an unknown or stale button, which the adapter acknowledges and ignores).
     */
    static Optional<Action> parse(String value) {
        Optional<Action> vote = VoteAction.parse(value).map(Action.class::cast);
        return vote.isPresent() ? vote : AddOptionAction.parse(value).map(Action.class::cast);
    }

    /**
     * The action a submitted {@link Form} stands for: its {@link Form#action} value with the text typed in its field;
     * empty when the value is not a form's of ours.
     */
    static Optional<Action> submitted(String formAction, String typed) {
        return AddOptionAction.parse(formAction).map(a -> a.typing(typed));
    }
}
