package io.taolun.core.planteda;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.taolun.core.plantedb.CallsBack;

/** Planted for ArchitectureTest: a core class that uses a library off the core's allow-list, and half of a cycle. */
public final class CachesInTheCore {
    Object cache() {
        return Caffeine.newBuilder().build();
    }

    Object other() {
        return new CallsBack();
    }
}
