package io.rowdesk.config;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in configuration: {@code 512MB}, {@code 2GB}, {@code 1.5GiB}, or {@code 10%} of RAM. */
public final class ByteSizes {
    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)?");

    private ByteSizes() {}

    /** The bytes {@code text} says, or -1 when it is not a size. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        double factor =
                switch (unit) {
                    case "B" -> 1;
                    case "KB", "KIB" -> 1L << 10;
                    case "MB", "MIB" -> 1L << 20;
                    case "GB", "GIB" -> 1L << 30;
                    case "TB", "TIB" -> 1L << 40;
                    case "%" -> number <= 100 ? physicalMemory() / 100.0 : -1;
                    default -> -1;
                };
        return factor < 0 ? -1 : (long) (number * factor);
    }

    /** The machine's memory, or 8 GB when the JVM cannot tell. */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 8L << 30;
    }
}
