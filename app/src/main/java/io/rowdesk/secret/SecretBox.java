package io.rowdesk.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the app stores (two-factor secrets, OAuth client secrets, signing secrets of
 * actions defined in the UI) with AES-256-GCM under a key that is never in the state database:
 * {@code ROWDESK_SECRET_KEY} (at least 32 characters; its SHA-256 is the key) or, without it, a
 * random key in {@code <data>/secret.key} created with mode 0600. A copy of {@code rowdesk.db}
 * alone reveals none of them. The same key, through HMAC with a fixed label, keys the audit chain
 * ({@link #derive}).
 */
public final class SecretBox {
    public static final String ENV = "ROWDESK_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String origin;

    private SecretBox(byte[] keyBytes, String origin) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.origin = origin;
    }

    /** The key from the environment, else from (or newly into) the data folder's key file. */
    public static SecretBox open(Map<String, String> env, Path dataDir) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (fromEnv.length() < 32) {
                throw new IllegalStateException(
                        ENV + " must be at least 32 characters (e.g. `openssl rand -base64 32`)");
            }
            return new SecretBox(sha256(fromEnv.getBytes(StandardCharsets.UTF_8)), "env");
        }
        return new SecretBox(keyFile(dataDir.resolve(KEY_FILE)), "file");
    }

    /** The key if there is one already (environment or key file); never creates a key file. */
    public static java.util.Optional<SecretBox> find(Map<String, String> env, Path dataDir) {
        String fromEnv = env.get(ENV);
        if ((fromEnv == null || fromEnv.isBlank()) && !Files.exists(dataDir.resolve(KEY_FILE))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(open(env, dataDir));
    }

    /** For tests and tools: a box over a given 32-byte key. */
    public static SecretBox ofKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes");
        }
        return new SecretBox(key.clone(), "given");
    }

    private static byte[] keyFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return read(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                return fresh;
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length != 32) {
            throw new IllegalStateException(file + " does not hold a 32-byte base64 key");
        }
        return key;
    }

    /** Where the key came from: "env", "file" or "given" (never the key). */
    public String origin() {
        return origin;
    }

    /** Encrypts {@code plaintext}; each call uses a fresh random nonce. */
    public String seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext is null");
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    ByteBuffer.allocate(iv.length + sealed.length)
                                            .put(iv)
                                            .put(sealed)
                                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** True for text that {@link #seal} made (and so {@link #open} can read). */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** Decrypts what {@link #seal} made; fails when it was altered or sealed under another key. */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a stored secret cannot be decrypted: it was altered, or "
                            + ENV
                            + " / "
                            + KEY_FILE
                            + " changed since it was saved",
                    e);
        }
    }

    /** What a saved secret looks like on screen and in API answers: never any of its characters. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : "••••••••";
    }

    /** A 32-byte key for one purpose (e.g. "audit-chain"), derived by HMAC-SHA256. */
    public byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("rowdesk:" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[key from " + origin + "]";
    }

    /** Equal bytes in constant time, for comparing secrets. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
