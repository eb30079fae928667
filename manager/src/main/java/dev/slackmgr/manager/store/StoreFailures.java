package dev.slackmgr.manager.store;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;

/**
 * Turns failures that a later retry may not see (no connection, timeouts, lock conflicts, server shutting down)
 * into {@link StoreUnavailableException}; anything else (bad arguments, constraint violations, schema errors)
 * is passed on unchanged.
 */
final class StoreFailures {
    private StoreFailures() {
    }

    static <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw new StoreUnavailableException(operation + " failed: database unavailable", e);
            }
            throw e;
        }
    }

    static void run(String operation, Runnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    static boolean isTransient(Throwable e) {
        return isTransient(e, 0);
    }

    /**
     * Walks causes and suppressed exceptions: when a statement fails because the connection died, the failed
     * rollback that follows is thrown with the original failure attached as suppressed.
     */
    private static boolean isTransient(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
                || e instanceof ConnectException || e instanceof SQLTransientException
                || e instanceof SQLRecoverableException
                // the transaction could not be committed or rolled back: the connection is gone
                || e instanceof org.hibernate.TransactionException
                || (e instanceof SQLException sql && transientState(sql.getSQLState()))) {
            return true;
        }
        if (e instanceof TransactionSystemException tse && isTransient(tse.getApplicationException(), depth + 1)) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (isTransient(s, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && isTransient(e.getCause(), depth + 1);
    }

    /** Connection exceptions (08), insufficient resources (53), operator intervention (57), serialization/deadlock. */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.equals("40001") || state.equals("40P01"));
    }
}
