package dev.slackmgr.manager.issue;

/** A database write other than saving the issue itself, in the order the caller must perform them. */
public sealed interface StoreOp {
    /** Audit copy of a processed alert (also for alerts the issue rejected). */
    record SaveAlert(ManagedAlert alert) implements StoreOp {
    }

    /** Create or overwrite the mapping keyed by (original channel, correlation ID). */
    record SaveMoveMapping(MoveMapping mapping) implements StoreOp {
    }

    /** Delete the mapping keyed by (original channel, correlation ID), if any. */
    record DeleteMoveMapping(String originalChannelId, String correlationId) implements StoreOp {
    }
}
