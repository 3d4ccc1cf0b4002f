package io.taolun.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * An executor that carries the submitter's log context (platform, channel, request id) to the thread that runs the
 * task, so every log line about a request names it, whichever pool wrote it. It also counts the tasks submitted and
 * not yet finished, so the server can tell when nothing is under way.
 */
final class LogContextExecutor extends AbstractExecutorService {
    private final ExecutorService delegate;
    private final AtomicInteger unfinished = new AtomicInteger();

    LogContextExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    /** True when every task submitted so far has finished. */
    boolean idle() {
        return unfinished.get() == 0;
    }

    @Override
    public void execute(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        unfinished.incrementAndGet();
        try {
            delegate.execute(() -> run(task, context));
        } catch (RuntimeException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    private void run(Runnable task, Map<String, String> context) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        use(context);
        try {
            task.run();
        } finally {
            use(previous);
            unfinished.decrementAndGet();
        }
    }

    private static void use(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
