/**
 * JDBC implementations of the core's ports (polls, votes) on H2 or PostgreSQL, and the Flyway-migrated schema.
 * Wired by the app.
 */
package io.taolun.store;
