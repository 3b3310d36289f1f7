package io.rowdesk.query;

import java.util.HexFormat;

/**
 * A BLOB value. It reads as {@code "12 bytes 0x0102…"} wherever it is shown (API, grid, CSV): the
 * length and the first bytes in hex, never a Java object's {@code toString}.
 */
public record Bytes(byte[] value) {
    /** How many leading bytes the description shows. */
    static final int SHOWN = 16;

    public Bytes {
        value = value.clone();
    }

    public int length() {
        return value.length;
    }

    public String describe() {
        int shown = Math.min(SHOWN, value.length);
        String hex = HexFormat.of().formatHex(value, 0, shown);
        return value.length
                + (value.length == 1 ? " byte" : " bytes")
                + (value.length == 0 ? "" : " 0x" + hex + (shown < value.length ? "..." : ""));
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && java.util.Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(value);
    }
}
