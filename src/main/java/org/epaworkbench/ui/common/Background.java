package org.epaworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs disk, database and signing work off the FX thread and hands the result back on it. One
 * worker thread: writes reach the database in the order the assessor made them.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService executor;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "workbench-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newSingleThreadExecutor(threads);
    }

    /** Runs {@code work} in the background; {@code onDone} or {@code onFailed} then runs on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        if (executor.isShutdown()) {
            return task; // the app is closing: nothing more is started
        }
        executor.execute(task);
        return task;
    }

    /** Runs a task that reports its own progress; its handlers run on the FX thread. */
    public <T> Task<T> run(Task<T> task) {
        if (!executor.isShutdown()) {
            executor.execute(task);
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
