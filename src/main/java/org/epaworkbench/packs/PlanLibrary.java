package org.epaworkbench.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.plan.AssessmentPlan;

/**
 * Every plan the app knows: the built-in packs shipped in the jar (transcribed from the source
 * documents) and the packs imported into this data folder.
 */
public final class PlanLibrary {

    static final String BUILT_IN_INDEX = "/org/epaworkbench/plan/packs/built-in.txt";

    /** A plan and where it came from. */
    public record InstalledPlan(AssessmentPlan plan, Origin origin) {
    }

    public enum Origin {
        BUILT_IN("built-in"),
        IMPORTED("imported");

        private final String word;

        Origin(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Import refused: the pack is invalid, or its id is taken. */
    public static final class ImportRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public ImportRefused(String message) {
            super(message);
        }
    }

    private final PlanPackReader reader;
    private final PlanPackShelf imported;
    private final Map<String, InstalledPlan> plans = new LinkedHashMap<>();

    private PlanLibrary(PlanPackReader reader, PlanPackShelf imported) {
        this.reader = reader;
        this.imported = imported;
    }

    /**
     * Loads the built-in packs and, where a store is given, the imported ones. A stored pack that no
     * longer validates (e.g. after a schema change) is skipped and reported in {@code skipped}.
     */
    public static PlanLibrary load(PlanPackReader reader, PlanPackShelf imported, List<String> skipped)
            throws SQLException {
        PlanLibrary library = new PlanLibrary(reader, imported);
        for (AssessmentPlan plan : builtInPlans(reader)) {
            library.plans.put(plan.id(), new InstalledPlan(plan, Origin.BUILT_IN));
        }
        if (imported != null) {
            for (PlanPackShelf.StoredPack stored : imported.all()) {
                try {
                    AssessmentPlan plan = reader.read("imported pack " + stored.id(), stored.json());
                    library.plans.put(plan.id(), new InstalledPlan(plan, Origin.IMPORTED));
                } catch (PlanPackException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        return library;
    }

    /** The built-in packs only; every one must validate, or the application itself is broken. */
    public static List<AssessmentPlan> builtInPlans(PlanPackReader reader) {
        List<AssessmentPlan> result = new ArrayList<>();
        for (String file : builtInFiles()) {
            String resource = "/org/epaworkbench/plan/packs/" + file;
            try (InputStream in = PlanLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in plan pack missing: " + resource);
                }
                result.add(reader.read(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (PlanPackException e) {
                throw new IllegalStateException("built-in plan pack is invalid:\n" + e.getMessage(), e);
            }
        }
        return result;
    }

    static List<String> builtInFiles() {
        try (InputStream in = PlanLibrary.class.getResourceAsStream(BUILT_IN_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("built-in plan index missing: " + BUILT_IN_INDEX);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<InstalledPlan> all() {
        return Collections.unmodifiableList(new ArrayList<>(plans.values()));
    }

    public Optional<InstalledPlan> find(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    public Optional<AssessmentPlan> plan(String planId) {
        return find(planId).map(InstalledPlan::plan);
    }

    /**
     * Validates and stores an organisation's own pack. A pack cannot take a built-in pack's id; it
     * replaces an earlier import of the same id only when {@code replace} is set.
     */
    public AssessmentPlan importPack(Path file, boolean replace) throws PlanPackException, ImportRefused, SQLException {
        if (imported == null) {
            throw new IllegalStateException("this library has no store to import into");
        }
        String json = PlanPackReader.readText(file);
        AssessmentPlan plan = reader.read(file.toString(), json);
        InstalledPlan existing = plans.get(plan.id());
        if (existing != null && existing.origin() == Origin.BUILT_IN) {
            throw new ImportRefused(file + ": plan id '" + plan.id() + "' belongs to a built-in plan; "
                    + "give your pack its own id (for example '" + plan.id() + "-custom'). Nothing was imported.");
        }
        if (existing != null && !replace) {
            throw new ImportRefused(file + ": a plan with id '" + plan.id() + "' is already imported; "
                    + "use --replace to replace it. Nothing was imported.");
        }
        imported.save(plan.id(), json, file.getFileName().toString());
        plans.put(plan.id(), new InstalledPlan(plan, Origin.IMPORTED));
        return plan;
    }
}
