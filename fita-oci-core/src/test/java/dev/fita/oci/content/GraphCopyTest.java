package dev.fita.oci.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.OciException;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.LayoutException;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;

/** The one graph copy, between two OCI image layouts (the registry side is in the registry tests). */
class GraphCopyTest {

    @TempDir
    Path tmp;

    /** A target that records what the copy asks and does, in order. */
    private static class Recorded implements Storage {
        final Storage target;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        Recorded(Storage target) {
            this.target = target;
        }

        @Override public InputStream fetch(Descriptor d) { return target.fetch(d); }
        @Override public byte[] fetchAll(Descriptor d) { return target.fetchAll(d); }
        @Override public boolean exists(Descriptor d) { calls.add("exists " + d.digest()); return target.exists(d); }
        @Override public Optional<Descriptor> resolve(String ref) { calls.add("resolve " + ref); return target.resolve(ref); }
        @Override public void push(Descriptor d, BlobSource c) { calls.add("push " + d.digest()); target.push(d, c); }
        @Override public void checkTag(String tag) { target.checkTag(tag); }
        @Override public void tag(Descriptor d, String tag) { calls.add("tag " + tag); target.tag(d, tag); }

        long count(String prefix) {
            return calls.stream().filter(c -> c.startsWith(prefix)).count();
        }
    }

    private MultiPlatformImage source() {
        return TestImages.writeMultiPlatform(tmp.resolve("source"), "0.0.1");
    }

    @Test
    void copiesChildrenBeforeParentsAndTagsLast() {
        MultiPlatformImage image = source();
        Recorded target = new Recorded(OciLayout.create(tmp.resolve("target")));

        CopyResult result = new GraphCopy().copy(image.layout(), image.index(), target, List.of("0.0.1", "latest"), null);

        assertEquals(6, result.blobsCopied(), "two linux configs and layers, the zephyr config and service.json");
        assertEquals(4, result.manifestsCopied());
        assertEquals(0, result.blobsPresent() + result.manifestsPresent());
        assertEquals(2, result.tagsMoved());
        List<String> pushes = target.calls.stream().filter(c -> c.startsWith("push ")).toList();
        assertEquals("push " + image.index().digest(), pushes.get(pushes.size() - 1), "the index last");
        for (Descriptor entry : image.manifests()) {
            assertTrue(pushes.indexOf("push " + entry.digest()) >= 6, "manifests after every blob: " + pushes);
        }
        assertEquals(List.of("resolve 0.0.1", "tag 0.0.1", "resolve latest", "tag latest"),
                target.calls.subList(target.calls.size() - 4, target.calls.size()), "the tags after the last push");
        OciLayout copied = OciLayout.open(tmp.resolve("target"));
        assertEquals(image.index().digest(), copied.require("latest").digest());
        assertArrayEquals(image.layout().readBlob(image.index()), copied.readBlob(image.index()));
    }

    @Test
    void theManifestsOfOneLevelArePushedTogetherAndTheIndexAfterThem() throws Exception {
        MultiPlatformImage image = source();
        Storage layout = OciLayout.create(tmp.resolve("target"));
        Set<Digest> entries = image.manifests().stream().map(Descriptor::digest).collect(Collectors.toSet());
        CountDownLatch allThree = new CountDownLatch(entries.size());
        List<String> late = Collections.synchronizedList(new ArrayList<>());
        // Each platform's manifest waits until the other two are being pushed too: one at a time, they would not be.
        Storage target = new Recorded(layout) {
            @Override public void push(Descriptor d, BlobSource c) {
                if (entries.contains(d.digest())) {
                    allThree.countDown();
                    try {
                        if (!allThree.await(5, TimeUnit.SECONDS)) {
                            late.add(d.digest().toString());
                        }
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                } else if (d.digest().equals(image.index().digest())) {
                    assertEquals(0, allThree.getCount(), "the index after its manifests");
                }
                super.push(d, c);
            }
        };

        new GraphCopy().copy(image.layout(), image.index(), target, List.of("0.0.1"), null);

        assertEquals(List.of(), late, "manifests pushed one at a time");
        assertEquals(image.index().digest(), OciLayout.open(tmp.resolve("target")).require("0.0.1").digest());
    }

    @Test
    void aSecondCopyAsksOnlyForTheRootAndTheTags() {
        MultiPlatformImage image = source();
        OciLayout layout = OciLayout.create(tmp.resolve("target"));
        new GraphCopy().copy(image.layout(), image.index(), layout, List.of("0.0.1"), null);
        Recorded target = new Recorded(layout);

        CopyResult again = new GraphCopy().copy(image.layout(), image.index(), target, List.of("0.0.1"), null);

        assertEquals(List.of("exists " + image.index().digest(), "resolve 0.0.1"), target.calls);
        assertEquals(0, again.blobsCopied());
        assertEquals(6, again.blobsPresent());
        assertEquals(4, again.manifestsPresent());
        assertEquals(0, again.tagsMoved());
    }

    @Test
    void aManifestTheTargetHasBringsEverythingUnderIt() {
        MultiPlatformImage image = source();
        OciLayout layout = OciLayout.create(tmp.resolve("target"));
        new GraphCopy().copy(image.layout(), image.amd64(), layout, List.of(), null);
        Recorded target = new Recorded(layout);

        CopyResult result = new GraphCopy().copy(image.layout(), image.index(), target, List.of(), null);

        assertEquals(1, result.manifestsPresent());
        assertEquals(3, result.manifestsCopied());
        assertEquals(2, result.blobsPresent(), "the amd64 config and layer, never asked about");
        assertEquals(4, result.blobsCopied());
        ImageManifest amd64 = ImageManifest.fromJson(image.layout().readBlob(image.amd64()));
        assertFalse(target.calls.contains("exists " + amd64.config().digest()), target.calls.toString());
        assertFalse(target.calls.contains("push " + image.amd64().digest()), target.calls.toString());
    }

    @Test
    void withAPlatformOnlyThatImageIsCopiedAndTagged() {
        MultiPlatformImage image = source();
        OciLayout target = OciLayout.create(tmp.resolve("target"));

        CopyResult result = new GraphCopy(CopyOptions.DEFAULT.withPlatform(TestImages.ZEPHYR_ARM_V7))
                .copy(image.layout(), image.index(), target, List.of("z"), null);

        assertEquals(image.zephyr(), result.root());
        assertEquals(2, result.blobsCopied());
        assertEquals(image.zephyr().digest(), target.require("z").digest());
        assertEquals(TestImages.ZEPHYR_ARM_V7, target.require("z").platform());
        assertFalse(target.hasBlob(image.index().digest()));
        assertFalse(target.hasBlob(image.amd64().digest()));
    }

    @Test
    void aPlatformTheImageLacksIsOneSentence() {
        MultiPlatformImage image = source();
        PlatformNotFoundException e = assertThrows(PlatformNotFoundException.class,
                () -> new GraphCopy(CopyOptions.DEFAULT.withPlatform(Platform.parse("linux/s390x")))
                        .copy(image.layout(), image.index(), OciLayout.create(tmp.resolve("t")), List.of(), null));
        assertEquals(image.layout() + " has no entry for platform linux/s390x (it has: linux/amd64, linux/arm64,"
                + " zephyr/arm/v7).", e.getMessage());
    }

    @Test
    void aBareManifestIsSelectedByItsConfigPlatform() {
        MultiPlatformImage image = source();
        Descriptor bare = image.arm64().withPlatform(null);
        CopyResult result = new GraphCopy(CopyOptions.DEFAULT.withPlatform(TestImages.LINUX_ARM64))
                .copy(image.layout(), bare, OciLayout.create(tmp.resolve("t")), List.of(), null);
        assertEquals(TestImages.LINUX_ARM64, result.root().platform());
        PlatformNotFoundException e = assertThrows(PlatformNotFoundException.class,
                () -> new GraphCopy(CopyOptions.DEFAULT.withPlatform(TestImages.LINUX_AMD64))
                        .copy(image.layout(), bare, OciLayout.create(tmp.resolve("u")), List.of(), null));
        assertEquals(image.layout() + " is a single manifest for platform linux/arm64, not linux/amd64.", e.getMessage());
    }

    @Test
    void aBadTagSendsNothing() {
        MultiPlatformImage image = source();
        Recorded target = new Recorded(OciLayout.create(tmp.resolve("target")));
        LayoutException e = assertThrows(LayoutException.class,
                () -> new GraphCopy().copy(image.layout(), image.index(), target, List.of("ok", "not ok"), null));
        assertTrue(e.getMessage().contains("'not ok'"), e.getMessage());
        assertEquals(List.of(), target.calls);
    }

    @Test
    void aFailingBlobLeavesTheTagsWhereTheyWere() {
        MultiPlatformImage image = source();
        OciLayout target = OciLayout.create(tmp.resolve("target"));
        Descriptor old = target.writeBlob("application/vnd.oci.image.manifest.v1+json", "{}".getBytes());
        target.tag(old, List.of("0.0.1"));
        Digest broken = ImageManifest.fromJson(image.layout().readBlob(image.arm64())).layers().get(0).digest();
        ReadableStorage failing = image.layout();
        ReadableStorage source = new ReadableStorage() {
            @Override public InputStream fetch(Descriptor d) {
                if (d.digest().equals(broken)) {
                    throw new OciException("the source lost " + d.digest());
                }
                return failing.fetch(d);
            }
            @Override public byte[] fetchAll(Descriptor d) { return failing.fetchAll(d); }
            @Override public boolean exists(Descriptor d) { return failing.exists(d); }
            @Override public Optional<Descriptor> resolve(String ref) { return failing.resolve(ref); }
        };

        OciException e = assertThrows(OciException.class,
                () -> new GraphCopy().copy(source, image.index(), target, List.of("0.0.1"), null));
        assertEquals("the source lost " + broken, e.getMessage());
        assertEquals(old.digest(), target.require("0.0.1").digest());
        assertFalse(target.hasBlob(image.index().digest()), "no parent of what is missing was written");
        assertFalse(target.hasBlob(image.arm64().digest()));
    }

    @Test
    void theListenerHearsEveryBlobAndTheProgressReachesTheTotal() {
        MultiPlatformImage image = source();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        long[] last = new long[2];
        CopyListener listener = new CopyListener() {
            @Override public void blobCopied(Descriptor d) { heard.add("copied " + d.digest()); }
            @Override public void blobPresent(Descriptor d) { heard.add("present " + d.digest()); }
            @Override public synchronized void progress(long done, long total) { last[0] = done; last[1] = total; }
        };
        OciLayout target = OciLayout.create(tmp.resolve("target"));
        new GraphCopy().copy(image.layout(), image.index(), target, List.of(), listener);
        assertEquals(6, heard.stream().filter(h -> h.startsWith("copied ")).count());
        assertTrue(last[1] > 0);
        assertEquals(last[1], last[0]);
        heard.clear();
        new GraphCopy().copy(image.layout(), image.index(), target, List.of(), listener);
        assertEquals(6, heard.stream().filter(h -> h.startsWith("present ")).count());
        assertEquals(last[1], last[0]);
    }
}
