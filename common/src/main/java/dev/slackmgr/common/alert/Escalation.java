package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One point of the escalation ladder (alert-schema.md §2.2). */
@JsonPropertyOrder({"severity", "delaySeconds", "slackMentions", "moveToChannel"})
public record Escalation(String severity, long delaySeconds, List<String> slackMentions, String moveToChannel) {
    public Escalation {
        severity = Alert.nz(severity);
        moveToChannel = Alert.nz(moveToChannel);
    }
}
