package io.rowdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rowdesk.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** JSON with sorted keys and no whitespace, so that the same entry always hashes the same. */
final class CanonicalJson {
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER =
            Json.builder()
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    private CanonicalJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not JSON", e);
        }
    }

    /** HMAC-SHA256 under {@code key} over the previous hash and the entry's canonical JSON. */
    static String hmac(byte[] key, String prevHash, Map<String, Object> fields) {
        return hmac(hmacOf(key), prevHash, fields);
    }

    /** A Mac to reuse over many entries (not thread-safe; {@code doFinal} resets it). */
    static javax.crypto.Mac hmacOf(byte[] key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(javax.crypto.Mac mac, String prevHash, Map<String, Object> fields) {
        mac.update(prevHash.getBytes(StandardCharsets.UTF_8));
        mac.update(write(fields).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** SHA-256 over the previous hash followed by the entry's canonical JSON. */
    static String chain(String prevHash, Map<String, Object> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
            digest.update(write(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
