/**
 * Polls on the article's claims: the model, the {@link io.taolun.core.poll.PollService} use cases, the ports
 * {@link io.taolun.core.poll.PollQueries}, {@link io.taolun.core.poll.PollStore} and {@link io.taolun.core.poll.VoteLedger}, and the poll commands. Wired by
 * the app; the store implements the ports.
 */
package io.taolun.core.poll;
