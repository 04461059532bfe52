package org.epaworkbench.ui.home;

import java.util.function.Consumer;
import javafx.stage.Window;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;

/** Adds or edits an apprentice's details: the form, then the save in the background. */
public final class ApprenticeEditor {

    private final Workbench workbench;
    private final Background background;
    private final Window owner;
    private final Consumer<Apprentice> onSaved;
    private final Consumer<String> onProblem;

    public ApprenticeEditor(Workbench workbench, Background background, Window owner, Consumer<Apprentice> onSaved,
            Consumer<String> onProblem) {
        this.workbench = workbench;
        this.background = background;
        this.owner = owner;
        this.onSaved = onSaved;
        this.onProblem = onProblem;
    }

    /** Edits {@code existing}, or adds a new apprentice when it is null. */
    public void edit(Apprentice existing) {
        ApprenticeDialog.show(owner, workbench.plans().all(), existing).ifPresent(a -> background.run(() -> {
            workbench.apprentices().save(a);
            return a;
        }, onSaved, failure -> onProblem.accept("Not saved: " + failure.getMessage())));
    }
}
