package io.rowdesk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document parsed into a Jackson tree, remembering the line of every value so that a
 * validation error can say where to look. Jackson's tree model drops locations, hence this walk.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public static YamlTree parse(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlTree(JsonNodeFactory.instance.objectNode(), lines);
            }
            JsonNode root = read(parser, "", lines);
            return new YamlTree(root, lines);
        }
    }

    /** A tree built in code (a merge of two documents): it knows no lines. */
    public static YamlTree of(JsonNode root) {
        return new YamlTree(root, Map.of());
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line of the value at a dotted path such as {@code sources[0].kind}, or 0. */
    public int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines)
            throws IOException {
        lines.put(path, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    int keyLine = lines.get(child);
                    object.set(name, read(parser, child, lines));
                    lines.put(child, keyLine);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + index++ + "]", lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new IOException("unexpected YAML token " + token);
        }
    }
}
