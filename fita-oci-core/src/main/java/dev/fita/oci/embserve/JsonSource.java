package dev.fita.oci.embserve;

import java.io.IOException;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fita.oci.Json;

/**
 * Reads a user's JSON file into a tree for checking only (the bytes are never re-serialized).
 * Stricter than Jackson's defaults where a lenient read would hide a mistake: duplicate keys and
 * trailing content are errors, and syntax errors carry {@code file:line:column}.
 */
final class JsonSource {

    private JsonSource() {}

    /**
     * The top-level object of {@code bytes}. {@code error} makes the typed exception from a
     * message and an optional cause; {@code file} names the file in messages.
     */
    static ObjectNode readObject(byte[] bytes, String file,
            BiFunction<String, Throwable, ? extends RuntimeException> error) {
        if (bytes.length == 0) {
            throw error.apply(file + " is empty", null);
        }
        JsonNode root;
        try (JsonParser parser = Json.mapper().getFactory().createParser(bytes)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() == null) {
                throw error.apply(file + " is empty (it holds only whitespace)", null);
            }
            root = Json.mapper().readTree(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw error.apply(at(file, parser.currentTokenLocation())
                        + "unexpected content after the top-level JSON value", null);
            }
        } catch (JsonParseException e) {
            throw error.apply(at(file, e.getLocation()) + cleaned(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw error.apply(at(file, e.getLocation()) + "invalid JSON: " + cleaned(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw error.apply("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw error.apply(file + ": the top level must be a JSON object, not " + kind(root), null);
        }
        return (ObjectNode) root;
    }

    /** A short name of a node's JSON type for messages: "a string", "an array", ... */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "binary data";
        };
    }

    private static String at(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file + ": ";
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    // Jackson's messages may mention the source or span lines; keep one readable sentence.
    private static String cleaned(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        String oneLine = message.replaceAll("\\s*\\R\\s*", " ").trim();
        return oneLine.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }
}
