package io.rowdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * How a file given with {@code serve --demo --config FILE} extends the demo, on the YAML trees
 * before they are read: an entry of {@code sources}, {@code views} or {@code actions} with the name
 * of a demo entry replaces it and a new name adds one; a relation's settings replace the demo's for
 * that relation; every other section merges key by key, and lists under {@code server} (such as
 * {@code allow_private_destinations}) are added to the demo's.
 */
final class DemoMerge {
    private static final Set<String> NAMED_LISTS = Set.of("sources", "views", "actions");

    private DemoMerge() {}

    static ObjectNode merge(ObjectNode demo, ObjectNode file) {
        ObjectNode merged = demo.deepCopy();
        file.properties()
                .forEach(
                        field -> {
                            String section = field.getKey();
                            JsonNode mine = merged.get(section);
                            JsonNode theirs = field.getValue();
                            if (NAMED_LISTS.contains(section)) {
                                merged.set(section, byName(mine, theirs));
                            } else if (section.equals("relations")) {
                                merged.set(section, keyByKey(mine, theirs, false, 1));
                            } else {
                                merged.set(
                                        section,
                                        keyByKey(
                                                mine,
                                                theirs,
                                                section.equals("server"),
                                                Integer.MAX_VALUE));
                            }
                        });
        return merged;
    }

    /** Entries of {@code extra} replace those of {@code base} with the same {@code name}. */
    private static JsonNode byName(JsonNode base, JsonNode extra) {
        if (base == null || !base.isArray() || !extra.isArray()) {
            return extra.deepCopy();
        }
        ArrayNode result = ((ArrayNode) base).deepCopy();
        for (JsonNode entry : extra) {
            int at = indexOfName(result, entry.path("name").asText(null));
            if (at >= 0) {
                result.set(at, entry.deepCopy());
            } else {
                result.add(entry.deepCopy());
            }
        }
        return result;
    }

    private static int indexOfName(ArrayNode entries, String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (name.equals(entries.get(i).path("name").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Mappings merge key by key down to {@code depth} levels; below that, and for anything that is
     * not a mapping on both sides, {@code extra} wins. With {@code addLists}, two lists are joined
     * (without repeating a value).
     */
    private static JsonNode keyByKey(JsonNode base, JsonNode extra, boolean addLists, int depth) {
        if (base != null && base.isArray() && extra.isArray() && addLists) {
            ArrayNode joined = ((ArrayNode) base).deepCopy();
            for (JsonNode value : extra) {
                boolean present = false;
                for (JsonNode existing : joined) {
                    present |= existing.equals(value);
                }
                if (!present) {
                    joined.add(value.deepCopy());
                }
            }
            return joined;
        }
        if (depth <= 0 || base == null || !base.isObject() || !extra.isObject()) {
            return extra.deepCopy();
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        extra.properties()
                .forEach(
                        field ->
                                result.set(
                                        field.getKey(),
                                        keyByKey(
                                                result.get(field.getKey()),
                                                field.getValue(),
                                                addLists,
                                                depth - 1)));
        return result;
    }
}
