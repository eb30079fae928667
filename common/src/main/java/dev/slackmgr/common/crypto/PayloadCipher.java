package dev.slackmgr.common.crypto;

import dev.slackmgr.common.gojson.GoJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts and decrypts webhook payloads exactly as the reference does
 * (observability-and-config.md §4, rest-api.md §8).
 *
 * <p>The payload map is serialised as Go would ({@link GoJson}), encrypted with AES-256-GCM
 * (12-byte random nonce, 16-byte tag, no associated data) and replaced by
 * {@code {"__encrypted_data": base64(nonce ‖ ciphertext ‖ tag)}} (standard base64 with padding).
 * Thread-safe.
 */
public final class PayloadCipher {
    /** The only key of an encrypted payload. */
    public static final String ENCRYPTED_DATA_KEY = "__encrypted_data";
    /** Maximum size in bytes of the serialised payload before encryption. */
    public static final int MAX_PAYLOAD_BYTES = 2048;
    /** The configuration rule for keys: 32 ASCII letters or digits, used as raw AES-256 key bytes. */
    public static final Pattern KEY_PATTERN = Pattern.compile("^[a-zA-Z0-9]{32}$");

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * @param key the configured encryption key
     * @throws IllegalArgumentException if the key does not match {@link #KEY_PATTERN}
     *                                  (message: {@code encryption key must be a 32 character alphanumeric string})
     */
    public PayloadCipher(String key) {
        this(key, new SecureRandom());
    }

    PayloadCipher(String key, SecureRandom random) {
        if (key == null || !KEY_PATTERN.matcher(key).matches()) {
            throw new IllegalArgumentException("encryption key must be a 32 character alphanumeric string");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES");
        this.random = random;
    }

    /**
     * Encrypts one webhook payload.
     *
     * @param payload the payload; {@code null} or empty is returned unchanged (nothing to encrypt)
     * @return {@code {"__encrypted_data": "<base64>"}}, or the input when it was null or empty
     * @throws PayloadTooLargeException if the serialised payload exceeds {@link #MAX_PAYLOAD_BYTES}
     * @throws PayloadCipherException   if the payload cannot be serialised (e.g. NaN) or encryption fails
     */
    public Map<String, Object> encrypt(Map<String, Object> payload) {
        if (payload == null || payload.isEmpty()) {
            return payload;
        }
        byte[] plain;
        try {
            plain = GoJson.marshal(payload).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PayloadCipherException("failed to serialise webhook payload: " + e.getMessage(), e);
        }
        if (plain.length > MAX_PAYLOAD_BYTES) {
            throw new PayloadTooLargeException(plain.length, MAX_PAYLOAD_BYTES);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new PayloadCipherException("failed to encrypt webhook payload: " + e.getMessage(), e);
        }
        byte[] blob = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, blob, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, blob, NONCE_BYTES, sealed.length);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ENCRYPTED_DATA_KEY, Base64.getEncoder().encodeToString(blob));
        return out;
    }

    /**
     * Decrypts a payload produced by {@link #encrypt} (or by the Go reference).
     *
     * @param payload the stored payload; {@code null}, empty, or without {@code __encrypted_data}
     *                gives an empty map (an unencrypted payload is discarded, as in the reference)
     * @return the original payload; JSON numbers come back as Integer/Long/BigInteger/Double
     * @throws PayloadCipherException if the entry is not a string, not base64, too short,
     *                                fails authentication, or is not a JSON object
     */
    public Map<String, Object> decrypt(Map<String, Object> payload) {
        if (payload == null || !payload.containsKey(ENCRYPTED_DATA_KEY)) {
            return new LinkedHashMap<>();
        }
        if (!(payload.get(ENCRYPTED_DATA_KEY) instanceof String encoded)) {
            throw new PayloadCipherException("encrypted data is not a string");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new PayloadCipherException("failed to decode base64 data: " + e.getMessage(), e);
        }
        if (blob.length < NONCE_BYTES) {
            throw new PayloadCipherException("ciphertext too short");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            plain = cipher.doFinal(Arrays.copyOfRange(blob, NONCE_BYTES, blob.length));
        } catch (GeneralSecurityException e) {
            throw new PayloadCipherException("failed to decrypt webhook payload: " + e.getMessage(), e);
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = MAPPER.readValue(plain, LinkedHashMap.class);
            return result == null ? new LinkedHashMap<>() : result;
        } catch (JacksonException e) {
            throw new PayloadCipherException("decrypted webhook payload is not a JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }
}
