package io.rowdesk.config;

import java.time.LocalDate;

/**
 * {@code demo:} the generated referral-program warehouse. {@code asOf} null means "today"; an
 * existing demo is then reused whatever day it was made.
 */
public record DemoConfig(boolean enabled, long seed, double scale, LocalDate asOf) {
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_SCALE = 1.0;
    public static final double MAX_SCALE = 100.0;
}
