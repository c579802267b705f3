package dev.fita.oci;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place JSON is read and written. What we author is deterministic: fixed field order
 * (declared on each record), map keys sorted, no nulls, no whitespace. So the same model always
 * gives the same bytes, and so the same digest.
 */
public final class Json {

    /** Manifests and indexes larger than this are refused, as registries and oras-go do. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a document of at most {@link #MAX_DOCUMENT_BYTES}; {@code what} names it in errors. */
    public static <T> T read(byte[] bytes, Class<T> type, String what) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException(what + " is " + bytes.length + " bytes, more than the "
                    + MAX_DOCUMENT_BYTES + "-byte limit");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OciException oci) {
                throw oci;
            }
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new InvalidDocumentException(what + " is not valid: " + detail, e);
        }
    }
}
