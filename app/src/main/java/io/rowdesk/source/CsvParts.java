package io.rowdesk.source;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a streamed table writes its CSV when it writes it in parts: each part is a complete CSV
 * stream of some of the rows, closed before the next is asked for, so that the cache can load one
 * part while the source writes the next.
 */
public interface CsvParts {
    /** The stream for the next part; closing it hands the part over. */
    OutputStream next() throws IOException;
}
