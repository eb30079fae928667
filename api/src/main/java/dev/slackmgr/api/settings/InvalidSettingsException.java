package dev.slackmgr.api.settings;

/** A settings document is malformed or invalid; the message names the offending key. */
public class InvalidSettingsException extends Exception {
    public InvalidSettingsException(String message) {
        super(message);
    }

    public InvalidSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
