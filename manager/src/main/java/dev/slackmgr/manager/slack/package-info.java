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
 *   <li>{@link dev.slackmgr.manager.slack.SlackConfiguration} – Spring wiring from {@code slackmgr.slack.*}
 *       ({@link dev.slackmgr.manager.slack.SlackClientSettings}).</li>
 * </ul>
 *
 * <p>How channel processing uses it: alert processing never calls Slack for posts; it records owed writes that the
 * {@code channel.PostSyncer} executes under the channel lock, taking only rate-limit slots that are free right now
 * ({@code SlackGateway.reserveNow}) and rendering each issue's latest state, so updates coalesce. Posts go through
 * post intents and {@code findIssuePost} adoption; {@code deleteMessage} treats "already gone" as success;
 * {@code channelNameNow} never waits for {@code conversations.info}.
 */
package dev.slackmgr.manager.slack;
