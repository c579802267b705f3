package dev.fita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an OCI image layout holds, as one string: every file's path and size, and index.json's bytes. */
final class LayoutFingerprint {

    private LayoutFingerprint() {}

    static String of(Path layout) throws IOException {
        try (Stream<Path> s = Files.walk(layout)) {
            String files = s.filter(Files::isRegularFile).sorted()
                    .map(p -> layout.relativize(p) + " " + p.toFile().length()).collect(Collectors.joining("\n"));
            return files + "\n" + Files.readString(layout.resolve("index.json"));
        }
    }
}
