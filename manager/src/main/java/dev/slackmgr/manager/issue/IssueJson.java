package dev.slackmgr.manager.issue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue JSON codec in the reference's shape. Absent primitives read as Go zero values; an unreadable issue or
 * one without {@code lastAlert} is reported as {@link CorruptIssueException} (manager-cases C-03: discard).
 */
public final class IssueJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(IssueTimes.module())
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private IssueJson() {
    }

    /** The mapper used for issues (thread-safe). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The issue as stored JSON. */
    public static String write(Issue issue) {
        return MAPPER.writeValueAsString(issue);
    }

    /** Parses stored issue JSON. */
    public static Issue read(String json) {
        Issue issue;
        try {
            issue = MAPPER.readValue(json, Issue.class);
        } catch (JacksonException e) {
            throw new CorruptIssueException("unreadable issue JSON: " + e.getOriginalMessage(), e);
        }
        if (issue == null || issue.lastAlert() == null || issue.lastAlert().alert() == null) {
            throw new CorruptIssueException("issue has no lastAlert", null);
        }
        return issue;
    }

    /** Stored issue JSON that cannot be used. */
    public static final class CorruptIssueException extends RuntimeException {
        CorruptIssueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
