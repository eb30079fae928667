package dev.slackmgr.common.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadCipherTest {
    static final String KEY = "abcdefghijklmnopqrstuvwxyz123456";
    final PayloadCipher cipher = new PayloadCipher(KEY);

    static Map<String, Object> payload(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static byte[] blobOf(Map<String, Object> encrypted) {
        assertThat(encrypted).containsOnlyKeys("__encrypted_data");
        return Base64.getDecoder().decode((String) encrypted.get("__encrypted_data"));
    }

    /** Decrypts with the documented layout only: key = ASCII bytes, nonce ‖ ciphertext ‖ tag. */
    static String decryptIndependently(byte[] blob) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY.getBytes(StandardCharsets.US_ASCII), "AES"),
                new GCMParameterSpec(128, blob, 0, 12));
        return new String(c.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8);
    }

    @Test
    void encryptsToDocumentedFormat() throws Exception { // H02
        byte[] blob = blobOf(cipher.encrypt(payload("b", "x", "a", 1)));
        String plain = decryptIndependently(blob);
        assertThat(plain).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(blob).hasSize(12 + plain.length() + 16);
    }

    @Test
    void base64IsStandardWithPadding() {
        // 12 + 7 + 16 = 35 bytes -> one padding character
        String encoded = (String) cipher.encrypt(payload("a", 1)).get("__encrypted_data");
        assertThat(encoded).hasSize(48).endsWith("=").doesNotContain("-", "_");
    }

    @Test
    void serialisesLikeGoBeforeEncrypting() throws Exception {
        Map<String, Object> nested = payload("z", List.of(1.0, 2.5), "a", "<b>&");
        byte[] blob = blobOf(cipher.encrypt(payload("n", nested, "big", 100.0, "t", true)));
        assertThat(decryptIndependently(blob))
                .isEqualTo("{\"big\":100,\"n\":{\"a\":\"\\u003cb\\u003e\\u0026\",\"z\":[1,2.5]},\"t\":true}");
    }

    @Test
    void roundTrips() {
        Map<String, Object> original = payload("a", 1, "b", "x", "list", List.of("p", 2.5), "obj", payload("k", false));
        assertThat(cipher.decrypt(cipher.encrypt(original))).isEqualTo(original);
    }

    @Test
    void sameInputGivesDifferentCiphertexts() { // H02
        Map<String, Object> p = payload("a", 1, "b", "x");
        assertThat(cipher.encrypt(p)).isNotEqualTo(cipher.encrypt(p));
    }

    @Test
    void decryptsABlobProducedElsewhere() {
        // Produced outside Java (Python cryptography AESGCM) with nonce 00..0b, key KEY, plaintext
        // {"a":1,"b":"x","html":"\u003cb\u003e\u0026"}.
        Map<String, Object> stored = Map.of("__encrypted_data",
                "AAECAwQFBgcICQoLmCGtOrLOiBW1K7J/MWrWYx6+dt6aKZCMLoxqiaYPsKDotAYAZXDJxHRqoG8fXDEsDbDccESk0sMWXgAW");
        assertThat(cipher.decrypt(stored)).isEqualTo(payload("a", 1, "b", "x", "html", "<b>&"));
    }

    @ParameterizedTest
    @NullSource
    void emptyPayloadIsLeftUntouched(Map<String, Object> none) { // H03
        assertThat(cipher.encrypt(none)).isNull();
        Map<String, Object> empty = new HashMap<>();
        assertThat(cipher.encrypt(empty)).isSameAs(empty);
    }

    @Test
    void payloadWithoutEncryptedDataDecryptsToEmpty() {
        assertThat(cipher.decrypt(null)).isEmpty();
        assertThat(cipher.decrypt(Map.of())).isEmpty();
        assertThat(cipher.decrypt(Map.of("a", "plain"))).isEmpty();
    }

    @Test
    void payloadOfExactly2048BytesIsAccepted() {
        // {"k":"…"} = 8 bytes of syntax
        assertThat(cipher.encrypt(payload("k", "x".repeat(2040)))).containsOnlyKeys("__encrypted_data");
    }

    @Test
    void payloadOver2048BytesIsRejected() { // H04
        assertThatThrownBy(() -> cipher.encrypt(payload("k", "x".repeat(2041))))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("webhook payload is too large: 2049 bytes of JSON (limit: 2048)")
                .satisfies(e -> {
                    assertThat(((PayloadTooLargeException) e).size()).isEqualTo(2049);
                    assertThat(((PayloadTooLargeException) e).limit()).isEqualTo(2048);
                    assertThat(((PayloadTooLargeException) e).reason())
                            .isEqualTo("is too large: 2049 bytes of JSON (limit: 2048)");
                });
    }

    @Test
    void sizeIsMeasuredOnGoEscapedUtf8() {
        // 409 × "<" is 409 chars but 409 × 6 = 2454 bytes once escaped as \u003c
        assertThatThrownBy(() -> cipher.encrypt(payload("k", "<".repeat(409))))
                .isInstanceOf(PayloadTooLargeException.class);
        // 1020 × "é" is 2040 UTF-8 bytes: 2048 in total
        assertThat(cipher.encrypt(payload("k", "é".repeat(1020)))).containsKey("__encrypted_data");
        assertThatThrownBy(() -> cipher.encrypt(payload("k", "é".repeat(1021))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void unserialisablePayloadIsACipherError() {
        assertThatThrownBy(() -> cipher.encrypt(payload("k", Double.NaN)))
                .isInstanceOf(PayloadCipherException.class)
                .isNotInstanceOf(PayloadTooLargeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "abcdefghijklmnopqrstuvwxyz12345", "abcdefghijklmnopqrstuvwxyz1234567",
            "abcdefghijklmnopqrstuvwxyz12345-"})
    void keyMustBe32Alphanumerics(String key) {
        assertThatThrownBy(() -> new PayloadCipher(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encryption key must be a 32 character alphanumeric string");
    }

    @Test
    void tamperedOrMalformedDataIsRejected() {
        byte[] blob = blobOf(cipher.encrypt(payload("a", 1)));
        blob[blob.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(blob);
        assertThatThrownBy(() -> cipher.decrypt(Map.of("__encrypted_data", tampered)))
                .isInstanceOf(PayloadCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(Map.of("__encrypted_data", 42)))
                .isInstanceOf(PayloadCipherException.class).hasMessage("encrypted data is not a string");
        assertThatThrownBy(() -> cipher.decrypt(Map.of("__encrypted_data", "!!!")))
                .isInstanceOf(PayloadCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(Map.of("__encrypted_data", "AAEC")))
                .isInstanceOf(PayloadCipherException.class).hasMessage("ciphertext too short");
    }

    @Test
    void wrongKeyFailsAuthentication() {
        Map<String, Object> encrypted = cipher.encrypt(payload("a", 1));
        PayloadCipher other = new PayloadCipher("ABCDEFGHIJKLMNOPQRSTUVWXYZ123456");
        assertThatThrownBy(() -> other.decrypt(encrypted)).isInstanceOf(PayloadCipherException.class);
    }
}
