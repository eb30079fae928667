package dev.slackmgr.manager.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident memory of this JVM, for benchmark reports. */
final class ProcessStats {
    private ProcessStats() {
    }

    /** e.g. {@code heap used 180 MiB (peak 410 MiB, max 1024 MiB), RSS 620 MiB (peak 700 MiB)}. */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format("heap used %d MiB (sum of pool peaks %d MiB, max %d MiB), RSS %s (peak %s)",
                used >> 20, peak >> 20, rt.maxMemory() >> 20, status("VmRSS"), status("VmHWM"));
    }

    private static String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "n/a";
        }
        return "n/a";
    }
}
