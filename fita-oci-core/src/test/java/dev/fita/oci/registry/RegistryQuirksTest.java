package dev.fita.oci.registry;

import static dev.fita.oci.registry.RegistryFaultsTest.FAST;
import static dev.fita.oci.registry.RegistryFaultsTest.MIB;
import static dev.fita.oci.registry.RegistryFaultsTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.StandInRegistry.Fault;
import dev.fita.oci.registry.StandInRegistry.Seen;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;

/** The documented quirks of real registries, each against the stand-in profile named after the registry. */
class RegistryQuirksTest {

    private StandInRegistry server;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private StandInRegistry start(StandInProfile profile) throws Exception {
        server = new StandInRegistry(profile);
        return server;
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(server.host() + "/" + repoAndTag);
    }

    private static RegistryClient.Builder builder() {
        return RegistryFaultsTest.builder(FAST)
                .credentials(r -> Optional.of(new Credentials(StandInRegistry.USER, StandInRegistry.PASSWORD)));
    }

    private CopyResult push(RegistryClient client, SmallImage image, String repoAndTag) {
        ImageReference target = ref(repoAndTag);
        return new GraphCopy().copy(image.layout(), image.root(), client.target(target), target.tagsWith(List.of()), null);
    }

    private List<Seen> requests(List<Seen> seen, String method, String pathPart) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().contains(pathPart)).toList();
    }

    @Test
    void ghcrRelativeLocationsAndOpaqueTokens() throws Exception {
        start(StandInProfile.GHCR).bearer(true);
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "ghcr");
        RegistryClient client = builder().build();
        assertEquals(image.root(), push(client, image, "owner/app:1").root());
        assertEquals(image.root().digest(), client.repository(ref("owner/app")).manifests().fetch("1").digest());
        List<Seen> puts = requests(server.seen, "PUT", "/blobs/uploads/");
        assertEquals(image.blobs().size(), puts.size());
        for (Seen put : puts) {
            assertTrue(put.path().startsWith("/v2/owner/app/blobs/uploads/"), "resolved against the registry: " + put);
            assertTrue(put.authorization().startsWith("Bearer tok-"), "the opaque token, as it came: " + put);
        }
    }

    @Test
    void garUploadsOutsideV2AfterARedirectGoToTheHostRedirectedTo() throws Exception {
        start(StandInProfile.GAR).bearer(true);
        byte[] bytes = random(200_000, 9);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        RegistryClient client = builder().build();
        client.target(ref("p/app")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(1, requests(server.seen, "POST", "/v2/p/app/blobs/uploads/").size(), "the POST, answered 307");
        List<Seen> there = server.seenByStorage;
        assertEquals(List.of("POST", "PUT"), there.stream().map(Seen::method).toList(), "both went to the other host");
        assertTrue(there.get(1).path().startsWith("/artifacts-uploads/namespaces/p/repositories/p/app/uploads/"),
                "the relative Location resolved against the host redirected to: " + there.get(1));
        assertTrue(there.get(1).query().contains("_state=") && there.get(1).query().contains("digest=sha256%3A"),
                "the session's own query kept, the digest added: " + there.get(1).query());
        assertTrue(there.stream().allMatch(s -> s.authorization() == null), "no credentials to another host");
    }

    @Test
    void ecrGetsOnePutPerBlobBelowTheChunkSize() throws Exception {
        start(StandInProfile.ECR);
        byte[] bytes = random(6 * MIB, 4);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        builder().build().target(ref("app")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(0, server.count("PATCH", "/"), "no chunks at the default chunk size");
        assertEquals(1, server.count("PUT", "/blobs/uploads/"));
    }

    @Test
    void ecrChunksAre201sOfAtLeast5MiBAndAnIgnoredPatchIsSentAgain() throws Exception {
        start(StandInProfile.ECR);
        byte[] bytes = random(17 * MIB, 5);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        List<String> debug = new CopyOnWriteArrayList<>();
        builder().chunkSize(RegistryClient.MIN_CHUNK_SIZE).debugLog(debug::add).build().target(ref("app"))
                .push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()), "the stand-in checked the digest and every part's size");
        List<Seen> patches = requests(server.seen, "PATCH", "/");
        // The second PATCH was answered 201 without moving the Range: the client noticed and sent it again.
        assertEquals(List.of("0-5242879", "5242880-10485759", "5242880-10485759", "10485760-15728639",
                "15728640-17825791"), patches.stream().map(Seen::contentRange).toList());
        assertEquals(1, server.count("POST", "/blobs/uploads/"), "one session");
        assertTrue(debug.stream().anyMatch(l -> l.endsWith(" -> 201") && l.startsWith("PATCH ")), String.join("\n", debug));
    }

    @Test
    void ociChunkMinLengthIsHonoured() throws Exception {
        start(StandInProfile.OCI_1_1);
        byte[] bytes = random(20 * MIB, 6);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        builder().chunkSize(RegistryClient.MIN_CHUNK_SIZE).build().target(ref("app")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(List.of(8 * MIB, 8 * MIB, 4 * MIB),
                requests(server.seen, "PATCH", "/").stream().map(Seen::bodyBytes).toList(), "8 MiB chunks, as asked");
    }

    @Test
    void harborDeclinedMountContinuesInTheSessionItOffers() throws Exception {
        start(StandInProfile.HARBOR);
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "harbor");
        RegistryClient client = builder().build();
        push(client, image, "library/base:1");
        server.seen.clear();
        // The blobs are in the registry, but not in "library/other": Harbor declines those mounts.
        ImageReference target = ref("team/app:1");
        CopyResult r = new GraphCopy(CopyOptions.DEFAULT.withMountFrom(List.of("library/other")))
                .copy(image.layout(), image.root(), client.target(target), target.tagsWith(List.of()), null);
        assertEquals(0, r.blobsMounted());
        assertEquals(image.blobs().size(), r.blobsCopied());
        List<Seen> posts = requests(server.seen, "POST", "/v2/team/app/blobs/uploads/");
        assertEquals(image.blobs().size(), posts.size(), "one POST per blob: the mount's");
        assertTrue(posts.stream().allMatch(p -> p.query() != null && p.query().contains("mount=")), posts.toString());
        assertEquals(image.blobs().size(), server.count("PUT", "/v2/team/app/blobs/uploads/"));
        assertArrayEquals(image.rootBytes(), server.manifest("team/app", "1"));
    }

    @Test
    void acrCannotResumeSoTheBlobStartsAgainAndTokensComeAsAccessToken() throws Exception {
        start(StandInProfile.ACR).bearer(true);
        AtomicInteger patches = new AtomicInteger();
        server.faults((method, path) -> method.equals("PATCH") && patches.incrementAndGet() == 2 ? Fault.RESET_MID_BODY
                : Fault.NONE);
        byte[] bytes = random(12 * MIB, 7);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        List<String> debug = new CopyOnWriteArrayList<>();
        builder().chunkSize(RegistryClient.MIN_CHUNK_SIZE).debugLog(debug::add).build().target(ref("app"))
                .push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(2, server.count("POST", "/blobs/uploads/"), "a new session after BLOB_UPLOAD_INVALID");
        assertTrue(debug.stream().anyMatch(l -> l.contains("restarting blob " + d.digest() + " in a new session")),
                String.join("\n", debug));
        assertTrue(server.tokensIssued.get() >= 1);
    }

    @Test
    void dockerHubPullLimitIsOneSentenceWithoutRetries() throws Exception {
        start(StandInProfile.DOCKER_HUB);
        RegistryClient anonymous = RegistryFaultsTest.builder(FAST).build();
        RateLimitException e = assertThrows(RateLimitException.class,
                () -> anonymous.repository(ref("library/eclipse-temurin")).manifests().fetch("17-jre"));
        assertEquals(server.host() + " refused fetching manifest 17-jre for library/eclipse-temurin: its pull rate limit"
                + " is used up (0 of 100 pulls per 6 hours remain for anonymous pulls from this address); logging in"
                + " raises it.", e.getMessage());
        assertEquals(100, e.limit());
        assertEquals(0, e.remaining());
        assertEquals(21600, e.windowSeconds());
        assertEquals(List.of(ErrorCode.TOOMANYREQUESTS), e.codes());
        assertEquals(1, server.count("GET", "/manifests/"), "no retry storm: one request");
        RateLimitException loggedIn = assertThrows(RateLimitException.class,
                () -> builder().build().repository(ref("library/eclipse-temurin")).manifests().fetch("17-jre"));
        assertTrue(loggedIn.getMessage().endsWith("remain for these credentials); it resets within 6 hours, and a paid"
                + " plan raises it."), loggedIn.getMessage());
    }

    @Test
    void warning299HeadersAreShownOnceEach() throws Exception {
        start(StandInProfile.OCI_1_1);
        List<String> warnings = new CopyOnWriteArrayList<>();
        RegistryClient client = builder().warningLog(warnings::add).build();
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "warn");
        push(client, image, "app:1");
        client.repository(ref("app")).manifests().fetch("1");
        client.repository(ref("app")).manifests().head("1");
        assertEquals(List.of(server.host() + " warns: pulls will need a login from June",
                server.host() + " warns: this repository is deprecated"), warnings.stream().sorted().toList());
    }

    @Test
    void quayRefusingTheEmbServeMediaTypeIsNamed() throws Exception {
        start(StandInProfile.QUAY);
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "quay");
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> push(builder().build(), image, "org/app:1"));
        assertTrue(e.getMessage().startsWith(server.host() + " refused pushing manifest sha256:"), e.getMessage());
        assertTrue(e.getMessage().contains(" for org/app because it does not accept the media type "
                + MediaTypes.EMBSERVE_SERVICE + " (MANIFEST_INVALID manifest invalid); allow that media type in the"
                + " registry's settings (Quay: FEATURE_GENERAL_OCI_SUPPORT, with the type under ALLOWED_OCI_ARTIFACT_TYPES)"
                + " or push to a registry that accepts OCI artifacts."), e.getMessage());
        assertNull(server.manifest("org/app", "1"), "no tag moved");
    }

    @Test
    void gitlabRefusingAMediaTypeWithoutNamingItIsNamedFromTheManifest() throws Exception {
        start(StandInProfile.GITLAB);
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "gitlab");
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> push(builder().build(), image, "group/app:1"));
        assertTrue(e.getMessage().contains("because it does not accept the media type " + MediaTypes.EMBSERVE_SERVICE
                + " (UNSUPPORTED The operation is unsupported.)"), e.getMessage());
        assertEquals(415, e.status());
    }

    @Test
    void a413OnAManifestNamesItsSize() throws Exception {
        start(StandInProfile.DISTRIBUTION.withMaxManifestBytes(100));
        byte[] big = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[],"
                + "\"annotations\":{\"x\":\"" + "y".repeat(400) + "\"}}").getBytes(StandardCharsets.UTF_8);
        SizeLimitException e = assertThrows(SizeLimitException.class,
                () -> builder().build().target(ref("app")).manifests().put("1", MediaTypes.OCI_INDEX, big));
        assertEquals(server.host() + " refused pushing manifest 1 for app as too large: the manifest is " + big.length
                + " bytes (413 Request Entity Too Large).", e.getMessage());
    }
}
