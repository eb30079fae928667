package dev.slackmgr.manager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Small helpers shared by the fault scenarios. */
final class ManagerTestSupport {
    private ManagerTestSupport() {
    }

    /** {@link ManagerProcess#alertsProcessed()}, unchecked. */
    static long processed(ManagerProcess m) {
        try {
            return m.alertsProcessed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
