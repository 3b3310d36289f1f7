package io.rowdesk.web;

import io.rowdesk.action.ActionService;
import io.rowdesk.action.PayloadTemplate;
import io.rowdesk.auth.Role;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code actions} of a rows answer ({@code ?actions=1}): per row, in row order, the actions
 * whose {@code when} holds there and the state of each one's latest request.
 */
final class RowActionsJson {
    private RowActionsJson() {}

    static List<List<Map<String, Object>>> forRows(
            ActionService actions,
            RelationCatalog catalog,
            RelationInfo relation,
            List<Column> columns,
            List<List<Object>> rows,
            Role role) {
        List<List<Map<String, Object>>> result = new ArrayList<>();
        String key = catalog.settings(relation.name()).keyColumn();
        int index = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(key)) {
                index = i;
            }
        }
        if (index < 0) {
            rows.forEach(r -> result.add(List.of()));
            return result;
        }
        List<Object> keys = new ArrayList<>();
        for (List<Object> row : rows) {
            keys.add(row.get(index));
        }
        Map<String, List<ActionService.RowAction>> byKey = actions.rowActions(relation, keys, role);
        for (Object value : keys) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ActionService.RowAction a :
                    byKey.getOrDefault(PayloadTemplate.jsonValue(value), List.of())) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", a.name());
                json.put("label", a.label());
                json.put("state", a.state());
                json.put("confirm", a.confirm());
                json.put("inputs", a.inputs());
                list.add(json);
            }
            result.add(list);
        }
        return result;
    }
}
