package dev.fita.oci.registry;

import java.util.Locale;

/** The error codes of the OCI distribution spec (and Distribution's rate limit); {@link #OTHER} for any other. */
public enum ErrorCode {
    BLOB_UNKNOWN, BLOB_UPLOAD_INVALID, BLOB_UPLOAD_UNKNOWN, DIGEST_INVALID, MANIFEST_BLOB_UNKNOWN,
    MANIFEST_INVALID, MANIFEST_UNKNOWN, NAME_INVALID, NAME_UNKNOWN, SIZE_INVALID, UNAUTHORIZED, DENIED,
    UNSUPPORTED, TOOMANYREQUESTS, OTHER;

    public static ErrorCode of(String code) {
        if (code == null) {
            return OTHER;
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
