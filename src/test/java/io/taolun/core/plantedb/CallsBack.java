package io.taolun.core.plantedb;

import io.taolun.core.planteda.CachesInTheCore;

/** Planted for ArchitectureTest: the other half of a cycle between two core packages. */
public final class CallsBack {
    Object back() {
        return CachesInTheCore.class;
    }
}
