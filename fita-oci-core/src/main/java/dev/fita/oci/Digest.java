package dev.fita.oci;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A content digest such as {@code sha256:<64 hex>}. Only sha256 and sha512 are accepted, with
 * lowercase hex of the exact length, so a digest can safely become a path segment.
 */
public record Digest(String algorithm, String encoded) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        if (algorithm == null || encoded == null) {
            throw new InvalidDigestException("a digest needs an algorithm and an encoded value");
        }
        Pattern pattern = switch (algorithm) {
            case "sha256" -> SHA256;
            case "sha512" -> SHA512;
            default -> throw new InvalidDigestException(
                    "unsupported digest algorithm '" + algorithm + "' (expected sha256 or sha512)");
        };
        if (!pattern.matcher(encoded).matches()) {
            throw new InvalidDigestException("'" + algorithm + ":" + encoded + "' is not a valid "
                    + algorithm + " digest (expected " + (algorithm.equals("sha256") ? 64 : 128)
                    + " lowercase hex characters)");
        }
    }

    /** Parses {@code algorithm:hex}. */
    @JsonCreator
    public static Digest parse(String value) {
        if (value == null) {
            throw new InvalidDigestException("a digest is missing");
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new InvalidDigestException("'" + value + "' is not a digest (expected sha256:<hex>)");
        }
        return new Digest(value.substring(0, colon), value.substring(colon + 1));
    }

    public static Digest sha256(byte[] bytes) {
        return of("sha256", bytes);
    }

    /** The digest of {@code bytes} with {@code algorithm} (sha256 or sha512). */
    public static Digest of(String algorithm, byte[] bytes) {
        MessageDigest md = messageDigest(algorithm);
        return from(algorithm, md.digest(bytes));
    }

    /** Digests a stream with sha256 without holding it in memory; the caller closes the stream. */
    public static Digest sha256(InputStream in) throws IOException {
        MessageDigest md = messageDigest("sha256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
            md.update(buffer, 0, n);
        }
        return from("sha256", md.digest());
    }

    /** The digest of raw hash bytes computed with {@code algorithm}. */
    public static Digest from(String algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }

    /** A fresh {@link MessageDigest} for a digest algorithm this class accepts (sha256 or sha512). */
    public static MessageDigest messageDigest(String algorithm) {
        String jdkName = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new InvalidDigestException(
                    "unsupported digest algorithm '" + algorithm + "' (expected sha256 or sha512)");
        };
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + jdkName, e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}
