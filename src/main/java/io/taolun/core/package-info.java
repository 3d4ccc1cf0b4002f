/**
 * The platform-neutral core: {@link io.taolun.core.ChatRequest} in, {@link io.taolun.core.Reply} out, through
 * {@link io.taolun.core.CommandRouter}. Adapters call the router; nothing here does I/O with a platform, a database or
 * a terminal, or reads the system clock.
 */
package io.taolun.core;
