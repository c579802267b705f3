package dev.fita.maven.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.EmbServeSettings;
import dev.fita.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbServeLoaderTest {

    private static final Platform V7 = Platform.parse("zephyr/arm/v7");

    @Test
    void warningsNameTheFileAndFieldAndTheBytesStayAsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.json");
        String json = "{\"name\":\"n\",\"version\":1,\"service\":\"QQ==\",\"board\":\"nrf52840dk\"}";
        Files.writeString(file, json);
        List<String> warnings = new ArrayList<>();

        EmbServeLoader.Loaded loaded = EmbServeLoader.load(new EmbServeSettings(file, null, V7), null, warnings::add);

        assertEquals(List.of(file + ": field 'board' is not an embServe field fita knows (name, version, data_model, "
                + "service, dependencies, inputs, outputs); it is pushed unchanged, but embServe may ignore it"), warnings);
        assertArrayEquals(Files.readAllBytes(file), loaded.artifact().service().bytes());
        assertEquals(json, Files.readString(file));
    }

    @Test
    void errorsNameTheElementFileAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.json");
        Files.writeString(file, "{\"name\":\"n\",\"version\":0,\"service\":\"QQ==\"}");
        List<String> warnings = new ArrayList<>();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EmbServeLoader.load(new EmbServeSettings(file, null, V7), null, warnings::add));
        assertEquals("<embServe><service>: " + file + ": field 'version' is 0 but must be from 1 to 2147483647", e.getMessage());
        assertEquals(List.of(), warnings);
    }
}
