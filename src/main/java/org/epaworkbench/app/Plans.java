package org.epaworkbench.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackException;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;

/** The assessment plans: the catalogue of built-in and imported plan packs, checking a pack file and importing one. */
public final class Plans {

    /** A plan pack not imported, for the reason given (a built-in plan's id, an id already imported without replacing). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final java.util.function.Supplier<PlanLibrary> catalogue;
    private final org.epaworkbench.store.SessionSummaries summaries;

    Plans(java.util.function.Supplier<PlanLibrary> catalogue, org.epaworkbench.store.SessionSummaries summaries) {
        this.catalogue = catalogue;
        this.summaries = summaries;
    }

    /** Every plan installed: built in and imported. */
    public PlanLibrary catalogue() {
        return catalogue.get();
    }

    /** Loads the built-in packs and those imported into {@code database}; a stored pack that no longer validates is skipped and said in {@code skipped}. */
    static PlanLibrary load(Database database, Clock clock, List<String> skipped) throws SQLException {
        return PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(database, clock), skipped);
    }

    /** Checks a plan pack file against the schema and the pack rules; changes nothing. */
    public static AssessmentPlan check(Path file) throws PlanPackException {
        return new PlanPackReader().read(file);
    }

    /**
     * Validates and installs an organisation's own pack into the data folder: never in
     * place of a built-in plan, and in place of an earlier import of the same id only when {@code replace}.
     */
    public AssessmentPlan importPack(Path file, boolean replace) throws PlanPackException, Refused, SQLException {
        try {
            AssessmentPlan plan = catalogue().importPack(file, replace);
            // the apprentices on this plan are graded by it now (issue 17): their sessions' summaries follow
            summaries.regradePlan(plan.id(), Services.plansFingerprint(catalogue()));
            return plan;
        } catch (PlanLibrary.ImportRefused e) {
            throw new Refused(e.getMessage(), e);
        }
    }
}
