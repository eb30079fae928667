package dev.slackmgr.common.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The reference's two SHA-256 helpers (alert-schema.md §6), URL-safe base64 with padding. */
public final class Hashes {
    private Hashes() {
    }

    /** H0: every part followed by one 0x00 byte. */
    public static String h0(String... parts) {
        MessageDigest d = sha256();
        for (String p : parts) {
            d.update(p.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
        return Base64.getUrlEncoder().encodeToString(d.digest());
    }

    /** Hc: parts concatenated without separator. */
    public static String hc(String... parts) {
        MessageDigest d = sha256();
        for (String p : parts) {
            d.update(p.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder().encodeToString(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
