package dev.slackmgr.manager.store;

/** The database could not be reached or refused the operation for a transient reason; retry later. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
