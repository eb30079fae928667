package dev.slackmgr.manager.bench;

import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts the issues whose newest Slack post in the fake shows the last alert. */
final class FinalPosts {
    private FinalPosts() {
    }

    /** @param markers channel → correlation ID → text marker of that correlation ID's last alert */
    static int showingLastAlert(FakeSlack slack, Map<String, Map<String, String>> markers) {
        int done = 0;
        for (Map.Entry<String, Map<String, String>> channel : markers.entrySet()) {
            Map<String, FakeMessage> newest = new HashMap<>();
            List<FakeMessage> messages = slack.messages().of(channel.getKey());
            for (FakeMessage m : messages) {
                Object corr = m.eventPayload().get("correlationId");
                if (m.threadTs() == null && corr != null) {
                    newest.merge(corr.toString(), m, (a, b) -> newer(a, b) ? a : b);
                }
            }
            for (Map.Entry<String, String> expected : channel.getValue().entrySet()) {
                FakeMessage post = newest.get(expected.getKey());
                if (post != null && shows(post, expected.getValue())) {
                    done++;
                }
            }
        }
        return done;
    }

    private static boolean shows(FakeMessage post, String marker) {
        return (post.blocksJson() != null && post.blocksJson().contains(marker))
                || (post.text() != null && post.text().contains(marker));
    }

    private static boolean newer(FakeMessage a, FakeMessage b) {
        return new java.math.BigDecimal(a.ts()).compareTo(new java.math.BigDecimal(b.ts())) > 0;
    }
}
