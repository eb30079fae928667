package dev.slackmgr.common.queue;

import java.lang.reflect.Method;
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
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method name = builder.getClass().getMethod("name", String.class, long.class);
            name.setAccessible(true);
            builder = name.invoke(builder, namePrefix, 1L);
            Method factory = builder.getClass().getMethod("factory");
            factory.setAccessible(true);
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
