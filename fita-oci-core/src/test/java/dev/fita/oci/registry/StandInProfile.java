package dev.fita.oci.registry;

import java.util.Set;

/**
 * What a real registry does differently, as documented by its vendor or seen from it, for the
 * {@link StandInRegistry} to mimic; one constant per registry, named after it. The defaults are
 * Distribution's behaviour.
 *
 * @param uploadPath        where upload sessions live: {@code /v2/<repo>/blobs/uploads/} or GAR's
 *                          {@code /artifacts-uploads/…}
 * @param relativeLocation  upload {@code Location}s without scheme and host (GHCR)
 * @param redirectUploads   the POST that opens a session is redirected (307) to a second host, whose
 *                          answer has a relative Location (gcr.io repositories served by Artifact Registry)
 * @param patchStatus       the status of an accepted PATCH (202; ECR answers 201)
 * @param minPart           the smallest PATCH but the last (ECR: 5 MiB), 0 for none
 * @param ignorePatch       the n-th PATCH (from 1) is answered as accepted but dropped, its Range not
 *                          advancing (ECR ignores a PATCH that does not continue where it stands), 0 for none
 * @param brokenInvalidates a session whose request broke off answers BLOB_UPLOAD_INVALID from then on (ACR)
 * @param mountFromSourceOnly a mount succeeds only when the source repository itself holds the blob; else
 *                          202 with an upload Location (Harbor)
 * @param tokenField        the token answer's field: {@code token} or {@code access_token}
 * @param pullLimit         manifest GETs answer 429 TOOMANYREQUESTS with {@code ratelimit-*} headers (Docker Hub)
 * @param warnings          {@code Warning: 299} texts sent with every manifest answer (distribution-spec 1.1)
 * @param chunkMinLength    {@code OCI-Chunk-Min-Length} sent when a session opens (distribution-spec 1.1), 0 for none
 * @param refusedTypes      media types a manifest PUT is refused for
 * @param refusalStatus     the status of that refusal: 400 MANIFEST_INVALID with the type in the detail
 *                          (Quay), or 415 UNSUPPORTED (GitLab)
 * @param maxManifestBytes  manifests larger than this are answered 413 (a proxy's body limit), 0 for none
 */
record StandInProfile(String name, String uploadPath, boolean relativeLocation, boolean redirectUploads,
        int patchStatus, long minPart, int ignorePatch, boolean brokenInvalidates, boolean mountFromSourceOnly,
        String tokenField, boolean pullLimit, Set<String> warnings, long chunkMinLength, Set<String> refusedTypes,
        int refusalStatus, int maxManifestBytes) {

    static final String V2_UPLOADS = "/v2/{repo}/blobs/uploads/";

    static final StandInProfile DISTRIBUTION = new StandInProfile("Distribution", V2_UPLOADS, false, false, 202, 0, 0,
            false, false, "token", false, Set.of(), 0, Set.of(), 0, 0);

    /** GitHub's registry: relative upload Locations, opaque (non-JWT) tokens in {@code token}. */
    static final StandInProfile GHCR = DISTRIBUTION.named("GHCR").relative();

    /** Artifact Registry: uploads under {@code /artifacts-uploads/}, and gcr.io's redirect to it. */
    static final StandInProfile GAR = new StandInProfile("GAR", "/artifacts-uploads/namespaces/p/repositories/{repo}/uploads/",
            false, true, 202, 0, 0, false, false, "token", false, Set.of(), 0, Set.of(), 0, 0);

    /** Amazon ECR: 201 on PATCH, 5 MiB parts, the second PATCH silently ignored. */
    static final StandInProfile ECR = new StandInProfile("ECR", V2_UPLOADS, false, false, 201, 5L * 1024 * 1024, 2,
            false, false, "token", false, Set.of(), 0, Set.of(), 0, 0);

    /** Harbor: mounts only from a repository that holds the blob, else a 202 with a session. */
    static final StandInProfile HARBOR = new StandInProfile("Harbor", V2_UPLOADS, false, false, 202, 0, 0, false, true,
            "token", false, Set.of(), 0, Set.of(), 0, 0);

    /** Azure Container Registry: a broken upload cannot resume; tokens in {@code access_token}. */
    static final StandInProfile ACR = new StandInProfile("ACR", V2_UPLOADS, false, false, 202, 0, 0, true, false,
            "access_token", false, Set.of(), 0, Set.of(), 0, 0);

    /** Docker Hub: its pull limit, used up. */
    static final StandInProfile DOCKER_HUB = new StandInProfile("Docker Hub", V2_UPLOADS, false, false, 202, 0, 0, false,
            false, "token", true, Set.of(), 0, Set.of(), 0, 0);

    /** Quay without OCI artifact support: 400 MANIFEST_INVALID naming the media type in the detail. */
    static final StandInProfile QUAY = DISTRIBUTION.named("Quay").refusing(400);

    /** GitLab's media type allow-list: 415 UNSUPPORTED. */
    static final StandInProfile GITLAB = DISTRIBUTION.named("GitLab").refusing(415);

    /** A distribution-spec 1.1 registry: deprecation warnings and a minimum chunk length. */
    static final StandInProfile OCI_1_1 = new StandInProfile("OCI 1.1", V2_UPLOADS, false, false, 202, 0, 0, false,
            false, "token", false, Set.of("this repository is deprecated", "pulls will need a login from June"),
            8L * 1024 * 1024, Set.of(), 0, 0);

    private StandInProfile named(String n) {
        return new StandInProfile(n, uploadPath, relativeLocation, redirectUploads, patchStatus, minPart, ignorePatch,
                brokenInvalidates, mountFromSourceOnly, tokenField, pullLimit, warnings, chunkMinLength, refusedTypes,
                refusalStatus, maxManifestBytes);
    }

    private StandInProfile relative() {
        return new StandInProfile(name, uploadPath, true, redirectUploads, patchStatus, minPart, ignorePatch,
                brokenInvalidates, mountFromSourceOnly, tokenField, pullLimit, warnings, chunkMinLength, refusedTypes,
                refusalStatus, maxManifestBytes);
    }

    private StandInProfile refusing(int status) {
        return new StandInProfile(name, uploadPath, relativeLocation, redirectUploads, patchStatus, minPart, ignorePatch,
                brokenInvalidates, mountFromSourceOnly, tokenField, pullLimit, warnings, chunkMinLength,
                Set.of(dev.fita.oci.MediaTypes.EMBSERVE_SERVICE), status, maxManifestBytes);
    }

    /** This profile with manifests over {@code bytes} answered 413. */
    StandInProfile withMaxManifestBytes(int bytes) {
        return new StandInProfile(name, uploadPath, relativeLocation, redirectUploads, patchStatus, minPart, ignorePatch,
                brokenInvalidates, mountFromSourceOnly, tokenField, pullLimit, warnings, chunkMinLength, refusedTypes,
                refusalStatus, bytes);
    }

    String uploadPath(String repository) {
        return uploadPath.replace("{repo}", repository);
    }
}
