package io.taolun.core.article;

import io.taolun.core.Messages;

/** How replies name sections and claims, shared by the article commands. */
final class Labels {
    private Labels() {
    }

    static String section(Messages m, Section s) {
        return s.label(m);
    }

    static String kind(Messages m, ClaimKind kind) {
        return m.get("claim.kind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
