package dev.slackmgr.common.queue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Worker threads: virtual threads when the runtime has them (Java 21+, found by reflection), else daemon platform threads. */
final class WorkerThreads {
    private WorkerThreads() {
    }

    static ExecutorService fixedPool(int size, String namePrefix) {
        return Executors.newFixedThreadPool(size, factory(namePrefix));
    }

    static ThreadFactory factory(String namePrefix) {
        ThreadFactory virtual = virtualFactory(namePrefix);
        if (virtual != null) {
            return virtual;
        }
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, namePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static boolean virtualThreadsAvailable() {
        return virtualFactory("probe-") != null;
    }

    private static ThreadFactory virtualFactory(String namePrefix) {
        try {
            // methods looked up on the public Thread.Builder interface, not on the JDK-internal implementation
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, namePrefix, 1L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
