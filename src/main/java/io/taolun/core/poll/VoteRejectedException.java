package io.taolun.core.poll;

/** The ledger could not record a vote; the voter is told to try again and nothing was counted. */
public final class VoteRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VoteRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
