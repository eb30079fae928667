package dev.slackmgr.manager.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The body sent to a webhook target when its button is used (slack-interactions.md §6.3), field for field the
 * reference's callback JSON.
 *
 * @param id             the webhook's ID
 * @param userId         the clicking user
 * @param userRealName   their real name
 * @param channelId      the channel
 * @param messageId      the issue post's ts
 * @param timestamp      when the callback was made (RFC 3339, UTC)
 * @param plainTextInput input ID → text entered in the confirmation modal
 * @param checkboxInput  input ID → values of the ticked boxes
 * @param payload        the webhook's payload, decrypted
 */
@JsonPropertyOrder({"id", "userId", "userRealName", "channelId", "messageId", "timestamp", "plainTextInput",
        "checkboxInput", "payload"})
public record WebhookCallback(String id, String userId, String userRealName, String channelId, String messageId,
                              String timestamp, Map<String, String> plainTextInput,
                              Map<String, List<String>> checkboxInput, Map<String, Object> payload) {
    public WebhookCallback {
        plainTextInput = plainTextInput == null ? Map.of() : plainTextInput;
        checkboxInput = checkboxInput == null ? Map.of() : checkboxInput;
        payload = payload == null ? Map.of() : payload;
    }
}
