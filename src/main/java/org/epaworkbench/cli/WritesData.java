package org.epaworkbench.cli;

/**
 * Marks a command that writes into the data folder's database. Before it writes, the database must
 * pass the full check ({@link org.epaworkbench.store.Backups#fullCheck}): nothing is written into a
 * damaged database. Commands without the mark only read, and may read a data folder that cannot be
 * written (opened read-only, with a warning).
 */
interface WritesData {
}
