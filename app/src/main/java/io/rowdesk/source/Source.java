package io.rowdesk.source;

import java.util.List;

/** A read-only place tables come from. Knows nothing of DuckDB or HTTP. */
public interface Source {
    String name();

    /** The tables this source offers now. */
    List<SourceTable> tables();
}
