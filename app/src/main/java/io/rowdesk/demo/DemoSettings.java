package io.rowdesk.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What identifies a generated demo warehouse: the same settings always give the same data.
 *
 * @param seed any value; {@link #DEFAULT_SEED} unless the user asks for another data set
 * @param scale multiplies the documented row counts (1 = 5 million lead events); rounded per table,
 *     at least one row
 * @param asOf every timestamp lies in the three years before this date (at midnight)
 */
public record DemoSettings(long seed, double scale, LocalDate asOf) {
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_SCALE = 1.0;

    /** Beyond this the lead events alone would be half a billion rows. */
    public static final double MAX_SCALE = 100.0;

    public DemoSettings {
        Objects.requireNonNull(asOf, "demo.as_of is null");
        if (!(scale > 0) || scale > MAX_SCALE) { // the negated form also rejects NaN
            throw new IllegalArgumentException(
                    "demo.scale: must be greater than 0 and at most "
                            + MAX_SCALE
                            + " (1 = 5,000,000 lead events), got "
                            + scale);
        }
    }

    /** The default demo as of a given day (normally today). */
    public static DemoSettings defaults(LocalDate asOf) {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_SCALE, asOf);
    }
}
