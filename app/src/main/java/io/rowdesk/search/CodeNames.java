package io.rowdesk.search;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of the codes teams store instead of words: ISO 3166 country codes ('IN' is India, from the
 * JDK's own list) and the common sales regions ('NA', 'EMEA', 'APAC', 'LATAM').
 */
final class CodeNames {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, String> REGIONS =
            Map.of(
                    "NA", "north america",
                    "NAM", "north america",
                    "EU", "europe",
                    "EMEA", "emea",
                    "APAC", "asia pacific",
                    "LATAM", "latin america",
                    "MEA", "middle east and africa",
                    "ANZ", "australia and new zealand");

    private CodeNames() {}

    /** The lower-case name of a stored code, or null when the value is no such code. */
    static String name(String value) {
        String region = REGIONS.get(value);
        if (region != null) {
            return region;
        }
        if (value.length() == 2 && COUNTRIES.contains(value)) {
            return new Locale("", value).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
