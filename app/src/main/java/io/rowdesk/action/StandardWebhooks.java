package io.rowdesk.action;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing per the Standard Webhooks specification: {@code webhook-id}, {@code webhook-timestamp}
 * (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}. A
 * secret written {@code whsec_<base64>} is the base64 key the spec describes; any other secret is
 * used as its UTF-8 bytes.
 */
public final class StandardWebhooks {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {}

    public static byte[] secretBytes(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be followed by base64");
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    public static String signature(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretBytes(secret), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(
                            (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The three headers; without a secret, the id and timestamp only. */
    public static Map<String, String> headers(
            String secret, String id, long timestamp, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        if (secret != null) {
            headers.put(SIGNATURE, signature(secret, id, timestamp, body));
        }
        return headers;
    }
}
