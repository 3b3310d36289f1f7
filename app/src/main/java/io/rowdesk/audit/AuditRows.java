package io.rowdesk.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads audit rows back into entries. */
final class AuditRows {
    static final RowMapper<AuditEntry> MAPPER =
            (rs, ctx) ->
                    new AuditEntry(
                            rs.getLong("seq"),
                            rs.getObject("occurred_at", LocalDateTime.class)
                                    .toInstant(ZoneOffset.UTC),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("target"),
                            AuditEntry.Outcome.valueOf(
                                    rs.getString("outcome").toUpperCase(Locale.ROOT)),
                            CanonicalJson.readMap(rs.getString("details")),
                            rs.getString("prev_hash"),
                            rs.getString("hash"));

    private AuditRows() {}
}
