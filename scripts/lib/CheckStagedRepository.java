import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged Maven repository (scripts/stage-release) the way Maven Central validates a
 * deployment: pom metadata, sources and javadoc jars, signatures, checksums. Prints one sentence
 * per problem and exits 1 when there is any.
 *
 * <p>Run as a single-file program: {@code java CheckStagedRepository.java DIR GNUPGHOME}, where
 * GNUPGHOME holds the public key the signatures must verify against.
 */
public class CheckStagedRepository {

    /** What Central requires of every pom; name and description must be the pom's own (Maven does not inherit a name). */
    private static final List<String> OWN = List.of("name", "description");
    private static final List<String> OWN_OR_INHERITED = List.of("url", "licenses", "developers", "scm");
    /** Central requires these two; sha256/sha512 are optional and checked when present. */
    private static final Map<String, String> REQUIRED_CHECKSUMS = Map.of("md5", "MD5", "sha1", "SHA-1");
    private static final Map<String, String> OPTIONAL_CHECKSUMS = Map.of("sha256", "SHA-256", "sha512", "SHA-512");

    private final Path root;
    private final Path gnupgHome;
    private final List<String> problems = new ArrayList<>();

    CheckStagedRepository(Path root, Path gnupgHome) {
        this.root = root;
        this.gnupgHome = gnupgHome;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java CheckStagedRepository.java STAGED_REPOSITORY GNUPGHOME");
            System.exit(2);
        }
        CheckStagedRepository check = new CheckStagedRepository(Path.of(args[0]), Path.of(args[1]));
        int files = check.run();
        if (check.problems.isEmpty()) {
            System.out.println("Staged repository " + args[0] + ": " + files + " files, all as Maven Central requires.");
            return;
        }
        check.problems.forEach(p -> System.out.println("ERROR " + p));
        System.out.println(check.problems.size() + " problem(s) in " + args[0] + ".");
        System.exit(1);
    }

    int run() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            problems.add(root + " holds no files: nothing was staged.");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (isChecksum(name)) {
                continue;
            }
            checkChecksums(file);
            if (name.endsWith(".asc") || name.startsWith("maven-metadata")) {
                continue; // signatures are not signed; Central regenerates repository metadata
            }
            checkSignature(file);
            if (name.endsWith(".pom")) {
                checkPom(file);
            }
        }
        return files.size();
    }

    private void checkChecksums(Path file) throws Exception {
        for (Map.Entry<String, String> sum : REQUIRED_CHECKSUMS.entrySet()) {
            Path sumFile = sibling(file, "." + sum.getKey());
            if (!Files.isRegularFile(sumFile)) {
                if (!file.toString().endsWith(".asc")) { // Maven does not checksum signatures, nor does Central ask
                    problems.add(rel(file) + " has no ." + sum.getKey() + " checksum.");
                }
            } else {
                compare(file, sumFile, sum.getValue());
            }
        }
        for (Map.Entry<String, String> sum : OPTIONAL_CHECKSUMS.entrySet()) {
            Path sumFile = sibling(file, "." + sum.getKey());
            if (Files.isRegularFile(sumFile)) {
                compare(file, sumFile, sum.getValue());
            }
        }
    }

    private void compare(Path file, Path sumFile, String algorithm) throws Exception {
        String[] words = Files.readString(sumFile, StandardCharsets.US_ASCII).trim().split("\\s+");
        String expected = words.length == 0 ? "" : words[0].toLowerCase();
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            problems.add(rel(sumFile) + " does not match the file: it says " + expected + ", the file's "
                    + algorithm + " is " + actual + ".");
        }
    }

    private void checkSignature(Path file) throws Exception {
        Path asc = sibling(file, ".asc");
        if (!Files.isRegularFile(asc)) {
            problems.add(rel(file) + " has no .asc signature.");
            return;
        }
        Process gpg = new ProcessBuilder("gpg", "--homedir", gnupgHome.toString(), "--batch", "--no-tty",
                "--status-fd", "1", "--verify", asc.toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gpg.waitFor() != 0 || !output.contains("[GNUPG:] VALIDSIG")) {
            String reason = output.lines().filter(l -> l.startsWith("gpg: ") && !l.contains("Signature made")
                    && !l.contains("using ")).findFirst().orElse("gpg exited with " + gpg.exitValue()).substring(5);
            problems.add(rel(asc) + " does not verify against the signing key (" + reason.trim() + ").");
        }
    }

    private void checkPom(Path pom) throws Exception {
        Element project = parse(pom);
        if (project == null) {
            return;
        }
        for (String element : OWN) {
            if (text(project, element).isEmpty()) {
                problems.add(rel(pom) + " has no <" + element + ">.");
            }
        }
        for (String element : OWN_OR_INHERITED) {
            if (!hasInChain(pom, project, element)) {
                problems.add(rel(pom) + " has no <" + element + ">, neither itself nor through its staged parent.");
            }
        }
        String packaging = text(project, "packaging");
        if (!packaging.equals("pom")) {
            String base = pom.getFileName().toString().replaceFirst("\\.pom$", "");
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                if (!Files.isRegularFile(pom.resolveSibling(base + suffix))) {
                    problems.add(rel(pom.resolveSibling(base + suffix)) + " is missing: Central requires the "
                            + (suffix.equals(".jar") ? "main" : suffix.substring(1, suffix.length() - 4))
                            + " jar for every jar artifact.");
                }
            }
        }
    }

    /** True when the pom or a parent staged in the same repository has a non-empty {@code element}. */
    private boolean hasInChain(Path pom, Element project, String element) throws Exception {
        for (int depth = 0; project != null && depth < 10; depth++) {
            if (child(project, element) != null && !child(project, element).getTextContent().isBlank()) {
                return true;
            }
            Element parent = child(project, "parent");
            if (parent == null) {
                return false;
            }
            Path dir = root.resolve(text(parent, "groupId").replace('.', '/'))
                    .resolve(text(parent, "artifactId")).resolve(text(parent, "version"));
            Path parentPom = null;
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    // a SNAPSHOT's pom has a timestamped name; the last one is the newest
                    parentPom = list.filter(p -> p.toString().endsWith(".pom")).sorted()
                            .reduce((a, b) -> b).orElse(null);
                }
            }
            if (parentPom == null) {
                problems.add(rel(pom) + " has parent " + text(parent, "artifactId") + " " + text(parent, "version")
                        + ", which is not staged, so Central cannot read the metadata it inherits.");
                return true; // reported once, as the missing parent
            }
            project = parse(parentPom);
        }
        return false;
    }

    private Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            problems.add(rel(pom) + " is not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static boolean isChecksum(String name) {
        return Stream.concat(REQUIRED_CHECKSUMS.keySet().stream(), OPTIONAL_CHECKSUMS.keySet().stream())
                .anyMatch(ext -> name.endsWith("." + ext));
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private String rel(Path file) {
        return root.relativize(file).toString();
    }
}
