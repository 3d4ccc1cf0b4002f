/**
 * JDBC implementations of the core's ports on H2 or PostgreSQL (polls, the vote ledger and its running tally, rituals,
 * the outbox, channel choices, delivery marks, the db-scheduler adapter), and the Flyway-migrated schema.
 * Wired by the app.
 */
package io.taolun.store;
