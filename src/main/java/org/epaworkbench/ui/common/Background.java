package org.epaworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs disk, database and signing work off the FX thread and hands the result back on it, in two
 * lanes. {@link #run} is the one ordered writer: session actions, the heartbeat and other short reads
 * and writes reach the database in the order the assessor made them. {@link #flow} is for the long
 * flows (signing a record, export, import, backup, restore), on a thread of their own, one after
 * another, so a long import never delays a judgement or a tick (they meet only inside the
 * database's own short transactions).
 */
public final class Background implements AutoCloseable {

    private final ExecutorService executor;
    private final ExecutorService flows;

    public Background() {
        this.executor = Executors.newSingleThreadExecutor(named("workbench-background-"));
        this.flows = Executors.newSingleThreadExecutor(named("workbench-flow-"));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code work} in the writer's lane; {@code onDone} or {@code onFailed} then runs on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        return start(executor, task(work, onDone, onFailed));
    }

    /**
     * Runs a long flow (signing, export, import, backup) in its own lane; handlers run on the FX thread.
     * It starts once the writes asked for before it are saved, so a record or a package never misses
     * the assessor's last action; writes asked for after it do not wait for it.
     */
    public <T> Task<T> flow(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        return flow(task(work, onDone, onFailed));
    }

    /** Runs a long flow that reports its own progress in its own lane, after the writes before it; handlers on the FX thread. */
    public <T> Task<T> flow(Task<T> task) {
        if (!executor.isShutdown()) {
            executor.execute(() -> start(flows, task));
        }
        return task;
    }

    private static <T> Task<T> start(ExecutorService lane, Task<T> task) {
        if (!lane.isShutdown()) {
            lane.execute(task); // when the app is closing nothing more is started
        }
        return task;
    }

    private static <T> Task<T> task(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        return task;
    }

    /** Runs a task that reports its own progress in the writer's lane; its handlers run on the FX thread. */
    public <T> Task<T> run(Task<T> task) {
        return start(executor, task);
    }

    /** The ordered writer itself, for work that reports back by other means (the sessions' heartbeat). */
    public java.util.concurrent.Executor writer() {
        return command -> {
            if (!executor.isShutdown()) {
                executor.execute(command);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdown();
        flows.shutdown();
    }
}
