package dev.slackmgr.common.crypto;

/** A webhook payload could not be encrypted or decrypted. */
public class PayloadCipherException extends RuntimeException {
    public PayloadCipherException(String message) {
        super(message);
    }

    public PayloadCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
