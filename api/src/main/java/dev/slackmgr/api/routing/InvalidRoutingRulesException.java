package dev.slackmgr.api.routing;

/** Routing rules failed validation; the message is the reference's text, e.g. {@code rule[0].name cannot be empty}. */
public class InvalidRoutingRulesException extends Exception {
    public InvalidRoutingRulesException(String message) {
        super(message);
    }
}
