/**
 * The manager's Slack Web API adapter.
 *
 * <ul>
 *   <li>{@link dev.slackmgr.manager.slack.SlackGateway} – the port the issue processing uses;
 *       {@link dev.slackmgr.manager.slack.SdkSlackGateway} implements it on the Slack SDK's {@code MethodsClient}.</li>
 *   <li>{@link dev.slackmgr.manager.slack.SlackCallRunner} – every call: wait on the
 *       {@link dev.slackmgr.manager.slack.RateLimitGate}, take a {@link dev.slackmgr.manager.slack.SlackPacer} token,
 *       run the HTTP attempt under the concurrency bulkhead, classify failures
 *       ({@link dev.slackmgr.manager.slack.SlackFailure}), retry or throw
 *       {@link dev.slackmgr.manager.slack.SlackCallException}.</li>
 *   <li>{@link dev.slackmgr.manager.slack.RedisRateLimitGate} / {@link dev.slackmgr.manager.slack.LocalRateLimitGate}
 *       – the pause after a Slack 429, shared by all instances through Redis or local to one process.</li>
 *   <li>{@link dev.slackmgr.manager.slack.UpdateCoalescer} – latest-wins {@code chat.update} per post.</li>
 *   <li>{@link dev.slackmgr.manager.slack.SlackConfiguration} – Spring wiring from {@code slackmgr.slack.*}
 *       ({@link dev.slackmgr.manager.slack.SlackClientSettings}).</li>
 * </ul>
 *
 * <p>How channel processing uses it: create posts with {@code postMessage} (on {@code transientFailure()} retry the
 * queue message later, after adopting a post that may have been made anyway with {@code findIssuePost}); send
 * updates through the {@code UpdateCoalescer} and join the returned future before committing the issue state;
 * delete with {@code deleteMessage} ("already gone" is success); optionally {@code RateLimitGate.await} before
 * taking new queue work so a 429 on any instance pauses all of them early.
 */
package dev.slackmgr.manager.slack;
