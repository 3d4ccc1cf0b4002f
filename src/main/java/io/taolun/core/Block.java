package io.taolun.core;

import java.util.Objects;

/** One block of a reply's body. Adapters render each kind in their platform's own way. */
public sealed interface Block {

    /** A paragraph of text. Search hits inside it are wrapped in {@link Reply#MARK_OPEN} and {@link Reply#MARK_CLOSE}. */
    record Text(String text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A verbatim span of the article, with an optional gloss in the reader's language and where it comes from.
     *
     * @param text        the span, exactly as in the article
     * @param gloss       a translation, or empty
     * @param attribution e.g. {@code §2 快速行动的时代}
     */
    record Quote(String text, String gloss, String attribution) implements Block {
        public Quote {
            Objects.requireNonNull(text, "text");
            gloss = gloss == null ? "" : gloss;
            attribution = attribution == null ? "" : attribution;
        }
    }

    /**
     * A line naming a user of the platform, e.g. who added an option: {@code before}, the user (a mention that
     * notifies no one where the platform allows; the id where it has no mentions), then {@code after}.
     *
     * @param user the platform's id of the user, as a request carried it
     */
    record Credit(String before, String user, String after) implements Block {
        public Credit {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * A line of users of the platform, e.g. who has not voted yet: each a mention that notifies no one where the
     * platform allows, the id where it has no mentions.
     *
     * @param users the platform's ids of the users, at least one
     */
    record People(java.util.List<String> users) implements Block {
        public People {
            users = java.util.List.copyOf(users);
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a line of people names at least one");
            }
        }
    }
}
