package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Primary key of {@code post_intents}. */
@Embeddable
record PostIntentKey(@Column(name = "channel_id") String channelId,
                     @Column(name = "correlation_id") String correlationId) {
}
