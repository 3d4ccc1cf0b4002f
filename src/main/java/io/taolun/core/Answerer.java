package io.taolun.core;

import java.util.List;

/**
 * What an adapter talks to: answers one {@code /article ...} request. {@link CommandRouter} answers for one article;
 * the library's router picks the channel's article first, then asks that article's router.
 */
public interface Answerer {
    /** Answers one request. Never throws for anything a user can type. */
    Reply handle(ChatRequest request);

    /** The subcommand words, {@code help} first; for tab completion and platform command trees. */
    List<String> commandNames();
}
