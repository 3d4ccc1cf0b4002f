package io.taolun.slack.planted;

import io.taolun.core.poll.Poll;

/** Planted for ArchitectureTest: an adapter class that reaches past the core's API package. */
public final class ReachesIntoThePolls {
    Object poll() {
        return Poll.class;
    }
}
