/** Completions: what a platform offers while a user types an option; adapters reach it through {@link io.taolun.core.Completions}. */
package io.taolun.core.complete;
