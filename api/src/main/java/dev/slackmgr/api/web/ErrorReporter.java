package dev.slackmgr.api.web;

import dev.slackmgr.common.alert.Alert;

/** Receives every refused request, e.g. to post it to an error-report channel. */
public interface ErrorReporter {
    void report(int status, String rawMessage, Alert offendingAlert, String pathChannel);
}
