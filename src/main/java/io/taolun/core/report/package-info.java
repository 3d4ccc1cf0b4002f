/**
 * The discussion report ({@code report [week|month|all]}): participation per poll, how divided the channel is on each
 * claim, and the claims not yet discussed, read from the polls the poll service keeps. No state of its own.
 */
package io.taolun.core.report;
