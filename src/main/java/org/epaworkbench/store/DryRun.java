package org.epaworkbench.store;

import java.sql.SQLException;

/** Work done in a transaction that is then rolled back: what it would do, without doing it (an import's dry run). */
public final class DryRun {

    private DryRun() {
    }

    /** Something that runs work in one transaction (the desktop's {@link Database}, the intake service's database). */
    @FunctionalInterface
    public interface Transactions {
        <T> T inTransaction(Database.SqlWork<T> work) throws SQLException;
    }

    /** Runs {@code work} in a transaction of {@code database}, rolls it back, and returns what the work returned. */
    public static <T> T preview(Transactions database, Database.SqlWork<T> work) throws SQLException {
        try {
            database.inTransaction(c -> {
                throw new RolledBack(work.run(c));
            });
            throw new IllegalStateException("unreachable");
        } catch (RolledBack r) {
            @SuppressWarnings("unchecked")
            T result = (T) r.result;
            return result;
        }
    }

    /** Carries the work's result out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
