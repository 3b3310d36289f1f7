package io.rowdesk.join;

import java.util.List;

/**
 * A name and columns ({@code table.column}, in order) for a view made from a join suggestion, and
 * who proposed them: {@code "llm"} or {@code "rule"}.
 */
public record ViewProposal(String name, List<String> columns, String by) {
    public ViewProposal {
        columns = List.copyOf(columns);
    }
}
