package org.epaworkbench.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor that runs nothing by itself: a test runs what is due by its clock ({@link #runDue()}),
 * on the test's own thread, after moving the clock. No waiting, no threads.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final Clock clock;
    private final List<Job> jobs = new ArrayList<>();
    private boolean shutdown;
    private long order;

    public ManualScheduler(Clock clock) {
        this.clock = clock;
    }

    private final class Job implements ScheduledFuture<Object> {
        final Instant due;
        final long seq = order++;
        final Runnable work;
        boolean cancelled;
        boolean done;

        Job(Instant due, Runnable work) {
            this.due = due;
            this.work = work;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            cancelled = true;
            return jobs.remove(this);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    /** Runs every job due by the clock now (and those they make due now), in order; returns how many ran. */
    public synchronized int runDue() {
        int ran = 0;
        while (true) {
            Instant now = clock.instant();
            Optional<Job> due = jobs.stream().filter(j -> !j.due.isAfter(now))
                    .min(Comparator.comparing((Job j) -> j.due).thenComparingLong(j -> j.seq));
            if (due.isEmpty()) {
                return ran;
            }
            jobs.remove(due.get());
            due.get().done = true;
            due.get().work.run();
            ran++;
        }
    }

    /** When the next job is due; empty when none is scheduled. */
    public synchronized Optional<Instant> nextDue() {
        return jobs.stream().map(j -> j.due).min(Instant::compareTo);
    }

    private synchronized Job add(Duration delay, Runnable work) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Job j = new Job(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), work);
        jobs.add(j);
        return j;
    }

    @Override
    public void execute(Runnable command) {
        add(Duration.ZERO, command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(Duration.ofNanos(unit.toNanos(delay)), command);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = jobs.stream().map(j -> j.work).toList();
        jobs.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
