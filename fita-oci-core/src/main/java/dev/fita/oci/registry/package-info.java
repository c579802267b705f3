/**
 * A client for the OCI distribution API. {@link dev.fita.oci.registry.Repository} is a
 * {@link dev.fita.oci.content.Storage} over two endpoints, {@link dev.fita.oci.registry.BlobStore}
 * (uploads in {@code BlobUpload}: one PUT or chunks, resumed where the registry stands or restarted,
 * the requests of one session in {@code UploadSession};
 * verified, resuming downloads in {@code BlobDownload}) and {@link dev.fita.oci.registry.ManifestStore}
 * (refusals for a media type or a size named by {@code ManifestRefusal}); under them the transport
 * layers, each its own package-private class: {@code Endpoints} (scheme and challenge per registry,
 * a plain-HTTP registry recognised at its first answer) → {@code Authenticator} (Basic; bearer tokens
 * from {@code TokenService}, cached per scope set in {@code TokenCache}) → {@code Redirects}
 * (credentials only to the registry's origin) → {@code HttpSender} (one request, one debug line,
 * {@code Warning: 299} texts once), with the {@code Retrier} asking a
 * {@link dev.fita.oci.registry.RetryPolicy} after each failed request (a time budget per operation's
 * failures in a row) and {@code Responses} mapping answers to typed exceptions that carry the
 * {@link dev.fita.oci.registry.ErrorResponse} (Docker Hub's pull limit: {@link dev.fita.oci.registry.RateLimit}).
 * Also image references (one grammar, one Docker Hub alias table) and pulls by platform. Imports the
 * model, {@code content}, {@code layout} (pulls) and Google HTTP Client.
 */
package dev.fita.oci.registry;
