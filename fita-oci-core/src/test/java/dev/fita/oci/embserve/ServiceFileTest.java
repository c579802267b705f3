package dev.fita.oci.embserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceFileTest {

    static final Path FILE = Path.of("src", "main", "embserve", "service.json");

    /** The fields of a small but complete service.json as FITA's demos have it (raw JSON values). */
    private static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "\"temperature-sensor\"");
        f.put("version", "3");
        f.put("data_model", "[\"temperature\"]");
        f.put("service", "\"AGFzbQEAAAABBQFgAAF/\"");  // 15 bytes of a wasm-like module
        f.put("dependencies", "{\"sdk_api\": 1}");
        f.put("inputs", "[{\"key\": \"period\", \"type\": 0}]");
        f.put("outputs", "[{\"key\": \"celsius\", \"type\": 1, \"data_model_mapping\": [\"temperature\"]}]");
        return f;
    }

    static final String VALID = render(FIELDS);

    private static String render(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
    }

    /** VALID with one field's raw value replaced, or the field removed when {@code value} is null. */
    private static String with(String field, String value) {
        Map<String, String> f = new LinkedHashMap<>(FIELDS);
        if (value == null) {
            f.remove(field);
        } else {
            f.put(field, value);
        }
        return render(f);
    }

    private static ServiceFile parse(String json) {
        return ServiceFile.parse(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String json) {
        return assertThrows(InvalidServiceException.class, () -> parse(json)).getMessage();
    }

    @Test
    void acceptsAValidFileAndKeepsItsExactBytes() {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        ServiceFile service = ServiceFile.parse(FILE, bytes);
        assertEquals("temperature-sensor", service.name());
        assertEquals(3, service.version());
        assertEquals(FILE, service.path());
        assertArrayEquals(bytes, service.bytes());
    }

    @Test
    void onlyNameVersionAndServiceAreRequired() {
        ServiceFile service = parse("{\"name\":\"n\",\"version\":1,\"service\":\"QQ==\",\"x-future\":true}");
        assertEquals("n", service.name());
    }

    @Test
    void loadReadsTheFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-service.json");
        Files.writeString(file, VALID);
        ServiceFile service = ServiceFile.load(file);
        assertArrayEquals(Files.readAllBytes(file), service.bytes());
        assertEquals(file, service.path());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("service.json");
        String message = assertThrows(InvalidServiceException.class, () -> ServiceFile.load(file)).getMessage();
        assertEquals(file + " does not exist", message);
    }

    @Test
    void directoryIsNotAFile(@TempDir Path dir) {
        String message = assertThrows(InvalidServiceException.class, () -> ServiceFile.load(dir)).getMessage();
        assertEquals(dir + " is not a regular file", message);
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.json");
        Files.write(file, new byte[0]);
        String message = assertThrows(InvalidServiceException.class, () -> ServiceFile.load(file)).getMessage();
        assertEquals(file + " is empty", message);
    }

    @Test
    void whitespaceOnlyFileIsEmpty() {
        assertEquals(FILE + " is empty (it holds only whitespace)", error("  \n\t "));
    }

    @Test
    void syntaxErrorGivesLineAndColumn() {
        // Line 3 is missing its trailing comma, so the parser stops at the start of line 4.
        String broken = "{\n  \"name\": \"n\",\n  \"version\": 1\n  \"service\": \"QQ==\"\n}";
        String message = error(broken);
        assertTrue(message.startsWith(FILE + ":4:3: "), message);
        assertTrue(message.contains("expecting comma"), message);
    }

    @Test
    void unterminatedDocumentGivesLineAndColumn() {
        String message = error("{\n  \"name\": \"n\",\n");
        assertTrue(message.matches("\\Q" + FILE + "\\E:3:\\d+: .*end-of-input.*"), message);
        assertTrue(!message.contains("Source"), message);
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        String message = error("{\"name\":\"a\",\n\"name\":\"b\",\"version\":1,\"service\":\"QQ==\"}");
        assertTrue(message.startsWith(FILE + ":2:"), message);
        assertTrue(message.contains("Duplicate field 'name'"), message);
    }

    @Test
    void trailingContentIsRefused() {
        String message = error("{\"name\":\"n\",\"version\":1,\"service\":\"QQ==\"}\n{}");
        assertEquals(FILE + ":2:1: unexpected content after the top-level JSON value", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[1,2]           | an array",
            "\"text\"        | a string",
            "42              | an integer",
            "null            | null",
    })
    void topLevelMustBeAnObject(String json, String kind) {
        assertEquals(FILE + ": the top level must be a JSON object, not " + kind, error(json));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "MISSING", value = {
            "name         | MISSING                | field 'name' is required",
            "name         | 7                      | field 'name' must be a string, not an integer",
            "name         | \"  \"                 | field 'name' must not be empty",
            "version      | MISSING                | field 'version' is required",
            "version      | \"3\"                  | field 'version' must be an integer, not a string",
            "version      | 3.5                    | field 'version' must be an integer, not a decimal number",
            "version      | 99999999999999999999   | field 'version' is 99999999999999999999, too large for a 64-bit integer",
            "version      | 0                      | field 'version' is 0 but must be from 1 to 2147483647",
            "version      | -2                     | field 'version' is -2 but must be from 1 to 2147483647",
            "version      | 2147483648             | field 'version' is 2147483648 but must be from 1 to 2147483647",
            "data_model   | \"temperature\"        | field 'data_model' must be an array of strings, not a string",
            "data_model   | [\"t\", 1]             | field 'data_model[1]' must be a string, not an integer",
            "service      | MISSING                | field 'service' is required",
            "service      | true                   | field 'service' must be a string, not a boolean",
            "service      | \"\"                   | field 'service' must not be empty (it is the base64 of the service module)",
            "dependencies | [\"sdk_api\"]          | field 'dependencies' must be an object, not an array",
            "dependencies | {\"sdk_api\": \"1\"}   | field 'dependencies.sdk_api' must be an integer (the version needed), not a string",
            "dependencies | {\"sdk_api\": 1.5}     | field 'dependencies.sdk_api' must be an integer (the version needed), not a decimal number",
            "dependencies | {\"sdk_api\": 1, \"net\": null} | field 'dependencies.net' must be an integer (the version needed), not null",
            "dependencies | {\"sdk_api\": -1}      | field 'dependencies.sdk_api' is -1 but must be a version from 0 to 2147483647",
            "dependencies | {\"sdk_api\": 4294967296} | field 'dependencies.sdk_api' is 4294967296 but must be a version from 0 to 2147483647",
            "inputs       | {}                     | field 'inputs' must be an array, not an object",
            "inputs       | [{\"key\":\"a\",\"type\":1}, 5] | field 'inputs[1]' must be an object, not an integer",
            "inputs       | [{\"type\":1}]         | field 'inputs[0].key' is required",
            "inputs       | [{\"key\":\"a\",\"type\":1},{\"key\":\"b\",\"type\":1},{\"key\":2,\"type\":1}] | field 'inputs[2].key' must be a string, not an integer",
            "inputs       | [{\"key\":\"\",\"type\":1}] | field 'inputs[0].key' must not be empty",
            "inputs       | [{\"key\":\"a\"}]      | field 'inputs[0].type' is required",
            "inputs       | [{\"key\":\"a\",\"type\":\"int\"}] | field 'inputs[0].type' must be an integer, not a string",
            "outputs      | [{\"key\":\"a\",\"type\":1.5}] | field 'outputs[0].type' must be an integer, not a decimal number",
            "outputs      | [{\"key\":\"a\",\"type\":1},{\"key\":\"a\",\"type\":-1}] | field 'outputs[1].key' is 'a', which outputs[0] already uses; each of the outputs needs its own key",
            "inputs       | [{\"key\":\"a\",\"type\":0},{\"key\":\"b\",\"type\":0},{\"key\":\"a\",\"type\":0}] | field 'inputs[2].key' is 'a', which inputs[0] already uses; each of the inputs needs its own key",
            "inputs       | [{\"key\":\"a\",\"type\":-1}] | field 'inputs[0].type' is -1 but must be an embServe type number from 0 to 2147483647",
            "outputs      | [{\"key\":\"a\",\"type\":3000000000}] | field 'outputs[0].type' is 3000000000 but must be an embServe type number from 0 to 2147483647",
            "outputs      | [{\"key\":\"a\",\"type\":1,\"data_model_mapping\":\"t\"}] | field 'outputs[0].data_model_mapping' must be an array of strings, not a string",
            "outputs      | [{\"key\":\"a\",\"type\":1,\"data_model_mapping\":[null]}] | field 'outputs[0].data_model_mapping[0]' must be a string, not null",
    })
    void fieldRules(String field, String value, String expected) {
        assertEquals(FILE + ": " + expected, error(with(field, value)));
    }

    @Test
    void theSameKeyMayNameAnInputAndAnOutput() {
        // FITA's noise demo has an input and an output both called "value".
        ServiceFile service = parse(with("inputs", "[{\"key\": \"value\", \"type\": 1}]")
                .replace("\"celsius\"", "\"value\""));
        assertEquals(List.of(), service.warnings());
    }

    @Test
    void aValidFileHasNoWarnings() {
        assertEquals(List.of(), parse(VALID).warnings());
    }

    @Test
    void unknownTopLevelFieldIsAWarningNamingFileAndField() {
        String json = VALID.replace("\"version\": 3,", "\"version\": 3,\n  \"ouputs\": [],\n  \"x-future\": {\"a\": 1},");
        ServiceFile service = parse(json);
        assertEquals(List.of(
                FILE + ": field 'ouputs' is not an embServe field fita knows (name, version, data_model, service, "
                        + "dependencies, inputs, outputs); it is pushed unchanged, but embServe may ignore it",
                FILE + ": field 'x-future' is not an embServe field fita knows (name, version, data_model, service, "
                        + "dependencies, inputs, outputs); it is pushed unchanged, but embServe may ignore it"),
                service.warnings());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), service.bytes(), "the file is never rewritten");
    }

    @Test
    void unknownFieldInAnInputIsAWarning() {
        ServiceFile service = parse(with("inputs", "[{\"key\": \"rate\", \"type\": 0, \"data_model_maping\": []}]"));
        assertEquals(List.of(FILE + ": field 'inputs[0].data_model_maping' is not an embServe field fita knows "
                + "(key, type, data_model_mapping); it is pushed unchanged, but embServe may ignore it"),
                service.warnings());
    }

    @Test
    void typeOutsideTheOnesFitaUsesIsAWarningNotAnError() {
        ServiceFile service = parse(with("outputs", "[{\"key\": \"a\", \"type\": 1}, {\"key\": \"b\", \"type\": 7}]"));
        assertEquals(List.of(FILE + ": field 'outputs[1].type' is 7, a type FITA's published services do not use "
                + "(they use 0 and 1); check it against your embServe version"), service.warnings());
    }

    @Test
    void everyWarningIsReportedTopLevelFieldsFirst() {
        String json = with("outputs", "[{\"key\": \"a\", \"type\": 9}]").replace("\"name\"", "\"board\": 1,\n  \"name\"");
        List<String> warnings = parse(json).warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("field 'board'"), warnings.get(0));
        assertTrue(warnings.get(1).contains("field 'outputs[0].type' is 9"), warnings.get(1));
    }

    @Test
    void dependenciesWithZeroAndSeveralEntriesPass() {
        assertEquals(List.of(), parse(with("dependencies", "{\"sdk_api\": 0, \"net_api\": 2}")).warnings());
        assertEquals(List.of(), parse(with("dependencies", "{}")).warnings());
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        for (String field : new String[] {"data_model", "dependencies", "inputs", "outputs"}) {
            String json = with(field, null);
            assertEquals("temperature-sensor", parse(json).name(), json);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "QUJD!A==  | field 'service' is not valid base64: '!' at offset 4 is not in the standard base64 alphabet",
            "QUJD-A==  | field 'service' is not valid base64: '-' at offset 4 is not in the standard base64 alphabet",
            "QU=DQQ==  | field 'service' is not valid base64: '=' (padding is only allowed at the end) at offset 2 is not in the standard base64 alphabet",
            "QUJDQQ    | field 'service' is not valid base64: its length 6 is not a multiple of 4 (missing '=' padding?)",
            "QUJDQ===  | field 'service' is not valid base64: '=' (padding is only allowed at the end) at offset 5 is not in the standard base64 alphabet",
            "QUJDQ     | field 'service' is not valid base64: its length 5 is not a multiple of 4 (missing '=' padding?)",
    })
    void serviceMustBeStandardBase64WithPadding(String value, String expected) {
        assertEquals(FILE + ": " + expected, error(with("service", "\"" + value + "\"")));
    }

    @Test
    void base64WithALineBreakIsRefused() {
        assertEquals(FILE + ": field 'service' is not valid base64: character U+000A at offset 4 is not in the "
                + "standard base64 alphabet", error(with("service", "\"QUJD\\nQQ==\"")));
    }

    @Test
    void validBase64Variants() {
        for (String ok : new String[] {"QQ==", "QUI=", "QUJD", "+/+/", "AGFzbQEAAAABBQFgAAF/"}) {
            assertEquals("temperature-sensor", parse(with("service", "\"" + ok + "\"")).name(), ok);
        }
    }

    @Test
    void onlyTheFirstProblemIsReported() {
        String message = error("{\"name\":1,\"version\":\"x\",\"service\":\"!\"}");
        assertEquals(FILE + ": field 'name' must be a string, not an integer", message);
    }
}
