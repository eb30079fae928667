package dev.slackmgr.api.acceptance;

import dev.slackmgr.common.testing.slack.FakeWorkspace;

/** The fake Slack workspace of acceptance-cases.md §Fixture (bot user {@code U0BOT}). */
final class AcceptanceWorkspace {
    private AcceptanceWorkspace() {
    }

    static FakeWorkspace create() {
        FakeWorkspace ws = new FakeWorkspace("U0BOT")
                .channel("C123", "alerts")
                .channel("C456", "ops")
                .channel("C111222333", "prod-alerts")
                .channel("C444555666", "fallback")
                .channel("CARCHIVED", "old", true, true, 10)
                .channel("CNOBOT", "secret", false, false, 10)
                .channel("CBIG", "big", false, true, 500)
                .channel("C0ERRORS1", "errors")
                .failing("CERR");
        for (int i = 1; i <= 5; i++) {
            ws.channel("C%d0000000%d".formatted(i, i), "r" + i);
        }
        return ws;
    }
}
