package io.taolun.core;

/**
 * Thrown by a command when its input cannot be answered; the router turns it into a short reply carrying the
 * message and the command's usage line. Never carries a stack trace to the user.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    /** @param key a message key; {@code args} fill its pattern (echoed user text must go through {@link SafeText#echo}) */
    public BadInputException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    /** The message key. */
    public String key() {
        return key;
    }

    /** The message's arguments. */
    public Object[] args() {
        return args.clone();
    }
}
