package io.rowdesk.source;

import java.util.List;
import java.util.Objects;

/** Which rows of a streamed table to read: all, those at or after a cursor value, or some keys. */
public sealed interface RowSelection {
    record All() implements RowSelection {}

    /** Rows whose cursor column is at or after {@code value} (as the cursor's text). */
    record Since(String value) implements RowSelection {
        public Since {
            Objects.requireNonNull(value, "value is null");
        }
    }

    /** Rows whose key is one of {@code keys}. */
    record Keys(List<Object> keys) implements RowSelection {
        public Keys {
            keys = List.copyOf(keys);
        }
    }

    RowSelection ALL = new All();
}
