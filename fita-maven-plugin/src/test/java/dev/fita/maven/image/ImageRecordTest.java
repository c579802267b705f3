package dev.fita.maven.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRecordTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndKeepsANullImage() throws Exception {
        ImageRecord record = new ImageRecord(null, List.of("latest"), "sha256:" + "0".repeat(64), List.of(
                new ImageRecord.Entry("linux/amd64", "sha256:" + "1".repeat(64), 1234,
                        "application/vnd.oci.image.manifest.v1+json")));
        Path file = dir.resolve("image.json");
        record.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"image\" : null"), json);
        assertTrue(json.indexOf("\"image\"") < json.indexOf("\"tags\"") && json.indexOf("\"tags\"") < json.indexOf("\"digest\""),
                json);
        assertEquals(record, ImageRecord.read(file));
    }
}
