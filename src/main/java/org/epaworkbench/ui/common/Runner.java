package org.epaworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a view model has work run off the FX thread, with the result (or the failure) handed back on it.
 * A screen passes {@code background::run} ({@link Background#run}); a plain-JUnit test passes {@link #IN_PLACE}.
 */
@FunctionalInterface
public interface Runner {

    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

    /** Runs the work at once on the calling thread, then {@code done} or {@code failed} (for tests without FX). */
    Runner IN_PLACE = new Runner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                failed.accept(e);
                return;
            }
            done.accept(value);
        }
    };
}
