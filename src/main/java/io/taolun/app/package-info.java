/** Start-up: the command line, config records, and the one composition root that wires everything by hand. */
package io.taolun.app;
