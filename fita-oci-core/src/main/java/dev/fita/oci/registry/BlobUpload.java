package dev.fita.oci.registry;

import java.util.OptionalLong;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.registry.UploadSession.Broken;
import dev.fita.oci.registry.UploadSession.Restart;

/**
 * One blob's upload: a session (a POST, or the one a declined mount offered), then one PUT with the
 * content, or PATCH chunks and a closing PUT when the blob is larger than the chunk size
 * ({@link UploadSession}). The POST, and the HEAD and GET that find out where the upload stands, are
 * retried per request. A PATCH or PUT that breaks off is not sent blindly again (the registry may hold
 * part of it): the registry is asked whether the blob arrived (HEAD) and how much of the session it
 * holds (GET on the session, its {@code Range}), and the upload goes on from there. A registry that
 * cannot resume (ACR answers BLOB_UPLOAD_INVALID; Distribution too, once a session moved on) gets the
 * blob again in a new session. Failures in a row count against the retry budget; a chunk that arrives
 * starts the count again.
 */
final class BlobUpload {

    /** New sessions for one blob before giving up: each one means the registry lost or spoiled the last. */
    static final int MAX_RESTARTS = 3;

    /**
     * Breaks at the same byte before giving up. The retry budget counts failures in a row, and the
     * questions between two breaks (HEAD, GET) succeed: this bounds a registry that answers everything
     * but the upload itself.
     */
    static final int MAX_BREAKS = 10;

    private final RepositoryEndpoint endpoint;
    private final Transport transport;
    private final Operation op;
    private final Retrier.Streak streak;
    private final Descriptor blob;
    private final UploadSession session;

    BlobUpload(RepositoryEndpoint endpoint, Operation op, Descriptor blob, BlobSource source, long chunkSize) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.op = op;
        this.streak = transport.retrier().streak(op);
        this.blob = blob;
        this.session = new UploadSession(endpoint, op, streak, blob, source, chunkSize);
    }

    /** Uploads the blob, in the session {@code offered} if not null (a declined mount's), else in a new one. */
    void run(String offered) {
        try {
            if (offered != null) {
                session.join(offered);
            } else {
                session.open();
            }
            long offset = 0;
            int restarts = 0;
            int breaks = 0;
            long brokenAt = -1;
            while (true) {
                String reason;
                try {
                    session.send(offset);
                    return;
                } catch (Broken broken) {
                    session.pause(broken);
                    breaks = broken.at == brokenAt ? breaks + 1 : 1;
                    brokenAt = broken.at;
                    if (breaks > MAX_BREAKS) {
                        throw new RegistryResponseException(op.registry() + " broke off " + op.action() + " for "
                                + op.repository() + " " + breaks + " times at byte " + brokenAt + "; gave up.");
                    }
                    if (arrived()) {
                        return;
                    }
                    OptionalLong at = session.position();
                    if (at.isPresent() && at.getAsLong() <= blob.size()) {
                        offset = at.getAsLong();
                        session.resumeAt(offset);
                        debug("resuming blob " + blob.digest() + " at byte " + offset + " of " + blob.size());
                        continue;
                    }
                    reason = "the registry no longer has the upload session";
                } catch (Restart restart) {
                    if (arrived()) {
                        return;
                    }
                    reason = restart.getMessage();
                }
                if (++restarts > MAX_RESTARTS) {
                    throw new RegistryResponseException(op.registry() + " lost the upload session of " + op.repository()
                            + " (" + op.action() + ") " + restarts + " times; the last time " + reason + ".");
                }
                debug("restarting blob " + blob.digest() + " in a new session: " + reason);
                session.open();
                offset = 0;
            }
        } finally {
            session.close();
        }
    }

    /** HEAD on the blob, retried in this upload's streak: an upload whose answer was lost may have arrived. */
    private boolean arrived() {
        return transport.retrier().run(streak, () -> BlobStore.head(endpoint, op, blob.digest()));
    }

    private void debug(String line) {
        transport.retrier().debug(op.where() + ": " + line);
    }
}
