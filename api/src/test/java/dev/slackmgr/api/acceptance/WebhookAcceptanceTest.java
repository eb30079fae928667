package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §D07, §E05–E08 and §H02–H04: webhooks with the encryption key configured. */
@TestPropertySource(properties = "slackmgr.encryption-key=" + ApiTestBase.KEY)
class WebhookAcceptanceTest extends ApiTestBase {
    private static final String W = "{\"id\":\"foo\",\"url\":\"http://foo.bar\",\"buttonText\":\"press me\"";

    private Response withWebhooks(String webhooks) {
        return post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"webhooks\":" + webhooks + "}");
    }

    @Test
    void d07_webhookCleaning() {
        Response r = withWebhooks("[{\"id\":\"\\tfoo  \",\"url\":\"  http://foo.bar  \",\"confirmationText\":\"  some text  \","
                + "\"buttonText\":\"  press me  \",\"plainTextInput\":[{\"id\":\"  in1  \",\"description\":\"  bar  \","
                + "\"maxLength\":100,\"initialValue\":\"  init  \"}],\"checkboxInput\":[{\"id\":\"  cb1  \",\"label\":\"  My Label  \"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode w = queued("C123").get(0).body().path("webhooks").get(0);
        assertThat(w.path("id").asString()).isEqualTo("foo");
        assertThat(w.path("url").asString()).isEqualTo("http://foo.bar");
        assertThat(w.path("confirmationText").asString()).isEqualTo("some text");
        assertThat(w.path("buttonText").asString()).isEqualTo("press me");
        assertThat(w.path("buttonStyle").asString()).isEqualTo("default");
        assertThat(w.path("accessLevel").asString()).isEqualTo("global_admins");
        assertThat(w.path("plainTextInput").get(0).path("initialValue").asString()).isEqualTo("init");
        assertThat(w.path("checkboxInput").get(0).path("label").asString()).isEqualTo("My Label");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[" + W + "}," + W + "}]|webhook[1].id must be unique",
            "[{\"id\":\"\",\"url\":\"http://foo.bar\",\"buttonText\":\"b\"}]|webhook[0].id is required",
            "[{\"id\":\"a\",\"url\":\"http://\",\"buttonText\":\"b\"}]|webhook[0].url is not a valid absolute URL",
            "[{\"id\":\"a\",\"url\":\"custom-handler\\u0000invalid\",\"buttonText\":\"b\"}]|webhook[0].url contains invalid characters, expected printable ASCII",
            "[{\"id\":\"a\",\"url\":\"http://foo.bar\",\"buttonText\":\"\"}]|webhook[0].buttonText is required",
            "[" + W + ",\"accessLevel\":\"foo\"}]|webhook[0].accessLevel 'foo' is not valid, expected empty or one of [global_admins, channel_admins, channel_members]",
            "[" + W + ",\"displayMode\":\"foo\"}]|webhook[0].displayMode 'foo' is not valid, expected empty or one of [always, open_issue, resolved_issue]",
            "[" + W + ",\"plainTextInput\":[{\"id\":\"\"}]}]|webhook[0].plainTextInput[0].id is required",
            "[" + W + ",\"plainTextInput\":[{\"id\":\"a\",\"minLength\":10,\"maxLength\":5}]}]|webhook[0].plainTextInput[0].maxLength cannot be smaller than minLength",
            "[" + W + ",\"plainTextInput\":[{\"id\":\"a\",\"initialValue\":\"x\"}]}]|webhook[0].plainTextInput[0].initialValue cannot be longer than maxLength",
            "[" + W + ",\"plainTextInput\":[{\"id\":\"a\"}],\"checkboxInput\":[{\"id\":\"a\"}]}]|webhook[0].checkboxInput[0].id must be unique among all inputs",
            "[" + W + ",\"checkboxInput\":[{\"id\":\"c\",\"options\":[{\"value\":\"v\"},{\"value\":\"v\"}]}]}]|webhook[0].checkboxInput[0].options[1].value must be unique"})
    void e05_e06_webhookRules(String webhooks, String message) {
        Response r = withWebhooks(webhooks);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Input validation failed: " + message);
        assertThat(queued()).isEmpty();
    }

    @Test
    void e05_buttonStyleIsCaseSensitive() {
        assertThat(withWebhooks("[" + W + ",\"buttonStyle\":\"Primary\"}]").error())
                .startsWith("Input validation failed: webhook[0].buttonStyle 'Primary' is not valid");
        assertThat(withWebhooks("[" + W + ",\"buttonStyle\":\"default\"}]").status()).isEqualTo(202);
        assertThat(withWebhooks("[{\"id\":\"a\",\"url\":\"my-custom-handler:action\",\"buttonText\":\"b\"}]").status())
                .isEqualTo(202);
    }

    @Test
    void e06_initialValueShorterThanMinLengthIsAccepted() {
        assertThat(withWebhooks("[" + W + ",\"plainTextInput\":[{\"id\":\"a\",\"minLength\":5,\"maxLength\":100,"
                + "\"initialValue\":\"ab\"}]}]").status()).isEqualTo(202);
    }

    @Test
    void e08_skipConfirmationDialog() {
        assertThat(withWebhooks("[" + W + ",\"skipConfirmationDialog\":true,\"buttonStyle\":\"danger\"}]").error())
                .startsWith("Input validation failed: webhook[0]");
        assertThat(withWebhooks("[" + W + ",\"skipConfirmationDialog\":true,\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":5}]}]")
                .error()).startsWith("Input validation failed: webhook[0]");
        assertThat(withWebhooks("[" + W + ",\"skipConfirmationDialog\":true}]").status()).isEqualTo(202);
        assertThat(queued("C123").get(0).body().path("webhooks").get(0).path("skipConfirmationDialog").asBoolean()).isTrue();
    }

    @Test
    void h02_payloadIsEncryptedWithAesGcm() throws Exception {
        String body = "[{\"id\":\"webhook-1\",\"url\":\"https://example.com/webhook\",\"buttonText\":\"Click me\","
                + "\"payload\":{\"a\":1,\"b\":\"x\"}}]";
        assertThat(withWebhooks(body).status()).isEqualTo(202);
        assertThat(withWebhooks(body).status()).isEqualTo(202);
        var q = queued("C123");
        JsonNode payload = q.get(0).body().path("webhooks").get(0).path("payload");
        assertThat(payload.propertyNames()).containsExactly("__encrypted_data");
        byte[] blob = Base64.getDecoder().decode(payload.path("__encrypted_data").asString());
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY.getBytes(StandardCharsets.US_ASCII), "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(blob, 0, 12)));
        String plain = new String(c.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8);
        assertThat(JsonMapper.builder().build().readTree(plain))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"a\":1,\"b\":\"x\"}"));
        String other = q.get(1).body().path("webhooks").get(0).path("payload").path("__encrypted_data").asString();
        assertThat(other).isNotEqualTo(payload.path("__encrypted_data").asString());
    }

    @Test
    void h03_webhookWithoutPayloadIsNotEncrypted() {
        assertThat(withWebhooks("[{\"id\":\"webhook-1\",\"url\":\"https://example.com/webhook\",\"buttonText\":\"Click me\"}]")
                .status()).isEqualTo(202);
        assertThat(queued("C123").get(0).body().path("webhooks").get(0).path("payload").isNull()).isTrue();
    }

    /** Deliberate difference: the reference answers 500 (which clients retry forever); we answer 400 naming it. */
    @Test
    void h04_payloadTooLarge() {
        Response r = withWebhooks("[" + W + ",\"payload\":{\"k\":\"" + "x".repeat(2100) + "\"}}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("Webhook[0].payload").contains("2048");
        assertThat(queued()).isEmpty();
    }
}
