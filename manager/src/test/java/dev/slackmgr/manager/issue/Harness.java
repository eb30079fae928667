package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.manager.post.PostContent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scenario harness: drives the engine like the channel manager would, with a controllable clock, an
 * in-memory "DB" and a fake Slack that hands out post timestamps P1, P2, … and records calls as strings
 * ("post C1 P1", "update C1 P1", "delete C1 P1", "tombstone C1 P1").
 */
final class Harness {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    ManagerSettings settings;
    ChannelEngine engine;
    final Map<String, Issue> db = new LinkedHashMap<>();
    final Map<String, MoveMapping> mappings = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final Map<String, PostContent> posts = new HashMap<>();
    final Set<String> threaded = new HashSet<>();
    final Map<String, String> failNext = new HashMap<>();
    final Map<String, Integer> openIssuesState = new HashMap<>();
    private int seq;

    Harness() {
        this(ManagerSettings.defaults());
    }

    Harness(ManagerSettings settings) {
        this.settings = settings;
        this.engine = new ChannelEngine(settings, ZoneOffset.UTC);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** ts of post number n. */
    static String p(int n) {
        return String.format("17000%05d.000100", n);
    }

    /** An error alert with follow-up on, autoResolve 3600, for C1, timestamp = arrival. */
    static Alert alert(String corr, long t, Consumer<Alert.Builder> spec) {
        Alert.Builder b = Alert.builder();
        b.timestamp = OffsetDateTime.ofInstant(at(t), ZoneOffset.UTC);
        b.correlationId = corr;
        b.header = "Test Alert";
        b.text = "text";
        b.severity = "error";
        b.slackChannelId = "C1";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        spec.accept(b);
        return b.build();
    }

    IssueResult send(String corr, long t, Consumer<Alert.Builder> spec) {
        return send(alert(corr, t, spec), t);
    }

    /** Processes an alert arriving at {@code t} like the coordinator + channel manager. */
    IssueResult send(Alert raw, long t) {
        ManagedAlert a = AlertIntake.prepare(raw, settings);
        a = AlertIntake.route(a, mappings.get(a.originalSlackChannelId() + "|" + a.alert().correlationId()));
        List<Issue> open = db.values().stream().filter(i -> !i.archived()).toList();
        IssueResult r = engine.onAlert(open, a, openIssuesState.getOrDefault(a.channelId(), 0), at(t));
        Issue issue = execute(r.issue(), r.effects());
        applyStore(r.store());
        if (r.saveIssue()) {
            db.put(issue.id(), issue);
        }
        return r;
    }

    /** A processing cycle of {@code channel} at {@code t}. */
    ChannelTickResult tick(String channel, long t) {
        return tick(channel, t, true);
    }

    /** A processing cycle; {@code layoutSettled == false}: earlier new posts/deletes not made in Slack yet. */
    ChannelTickResult tick(String channel, long t, boolean layoutSettled) {
        List<Issue> open = db.values().stream().filter(i -> !i.archived() && IssueView.channelId(i).equals(channel))
                .toList();
        openIssuesState.put(channel, open.size());
        ChannelTickResult r = engine.tick(channel, "name-" + channel, open, Map.of(), at(t), layoutSettled);
        Map<String, Issue> byId = new LinkedHashMap<>();
        r.issues().forEach(i -> byId.put(i.id(), i));
        boolean aborted = false;
        for (SlackEffect e : r.effects()) {
            if (e instanceof SlackEffect.MoveIssue m) {
                executeMove(m);
                continue;
            }
            Issue cur = byId.get(e.issueId());
            if (aborted) {
                byId.put(e.issueId(), PostOutcomes.failed(cur, e, "not_executed"));
                continue;
            }
            String code = failNext.remove(kind(e));
            Issue next = run(cur, e, code);
            aborted = code != null;
            byId.put(e.issueId(), next);
        }
        applyStore(r.store());
        byId.values().forEach(i -> db.put(i.id(), i));
        return r;
    }

    /** Runs a command on post {@code ts} of {@code channel} at {@code t}. */
    IssueResult command(IssueCommand.Action action, String channel, String ts, String user, long t) {
        return command(IssueCommand.of(action, channel, ts, "U-" + user, user), t);
    }

    IssueResult command(IssueCommand cmd, long t) {
        Issue issue = db.values().stream().filter(i -> i.slackPostId().equals(cmd.ts())
                && IssueView.channelId(i).equals(cmd.channelId())).findFirst().orElse(null);
        IssueResult r = engine.issues().apply(issue, new IssueEvent.CommandReceived(cmd), at(t));
        Issue next = execute(r.issue(), r.effects());
        applyStore(r.store());
        if (r.saveIssue()) {
            db.put(next.id(), next);
        }
        return r;
    }

    Issue issue(String corr) {
        return db.values().stream().filter(i -> i.correlationId().equals(corr) && !i.archived()).findFirst()
                .orElseThrow(() -> new AssertionError("no open issue " + corr));
    }

    List<Issue> issues(String corr) {
        return db.values().stream().filter(i -> i.correlationId().equals(corr)).toList();
    }

    PostContent post(String ts) {
        return posts.get(ts);
    }

    /** The post content of the open issue with this correlation ID. */
    PostContent postOf(String corr) {
        return posts.get(issue(corr).slackPostId());
    }

    List<String> takeCalls() {
        List<String> c = new ArrayList<>(calls);
        calls.clear();
        return c;
    }

    private Issue execute(Issue issue, List<SlackEffect> effects) {
        Issue cur = issue;
        for (SlackEffect e : effects) {
            if (e instanceof SlackEffect.MoveIssue m) {
                cur = executeMove(m);
            } else {
                cur = run(cur, e, failNext.remove(kind(e)));
            }
        }
        return cur;
    }

    private Issue executeMove(SlackEffect.MoveIssue m) {
        applyStore(List.of(m.mappingOp()));
        Issue cur = m.moved();
        if (m.deleteOldPost() != null) {
            run(cur, m.deleteOldPost(), null);
        }
        if (m.newPost() != null) {
            cur = run(cur, m.newPost(), failNext.remove("post"));
        }
        db.put(cur.id(), cur);
        return cur;
    }

    private Issue run(Issue cur, SlackEffect e, String code) {
        if (code != null) {
            calls.add(kind(e) + " failed " + code);
            return PostOutcomes.failed(cur, e, code);
        }
        if (e instanceof SlackEffect.PostMessage pm) {
            String ts = p(++seq);
            posts.put(ts, pm.content());
            calls.add("post " + pm.content().channelId() + " " + label(ts));
            return PostOutcomes.created(cur, ts);
        }
        if (e instanceof SlackEffect.UpdateMessage u) {
            posts.put(u.ts(), u.content());
            calls.add("update " + u.content().channelId() + " " + label(u.ts()));
            return cur;
        }
        SlackEffect.DeleteMessage d = (SlackEffect.DeleteMessage) e;
        if (d.tombstone() != null && threaded.contains(d.ts())) {
            posts.put(d.ts(), d.tombstone());
            calls.add("tombstone " + d.channelId() + " " + label(d.ts()));
        } else {
            posts.remove(d.ts());
            calls.add("delete " + d.channelId() + " " + label(d.ts()));
        }
        return cur;
    }

    private static String kind(SlackEffect e) {
        if (e instanceof SlackEffect.PostMessage) {
            return "post";
        }
        return e instanceof SlackEffect.UpdateMessage ? "update" : "delete";
    }

    private static String label(String ts) {
        return ts.startsWith("17000") ? "P" + Integer.parseInt(ts.substring(5, 10)) : ts;
    }

    private void applyStore(List<StoreOp> ops) {
        for (StoreOp op : ops) {
            if (op instanceof StoreOp.SaveMoveMapping s) {
                mappings.put(s.mapping().originalChannelId() + "|" + s.mapping().correlationId(), s.mapping());
            } else if (op instanceof StoreOp.DeleteMoveMapping d) {
                mappings.remove(d.originalChannelId() + "|" + d.correlationId());
            }
        }
    }
}
