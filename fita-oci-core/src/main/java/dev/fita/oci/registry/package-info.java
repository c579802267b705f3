/**
 * A client for the OCI distribution API. {@link dev.fita.oci.registry.Repository} is a
 * {@link dev.fita.oci.content.Storage} over two endpoints, {@link dev.fita.oci.registry.BlobStore} and
 * {@link dev.fita.oci.registry.ManifestStore}; under them the transport layers, each its own
 * package-private class: {@code Endpoints} (scheme and challenge per registry) → {@code Authenticator}
 * (Basic; bearer tokens from {@code TokenService}, cached per scope set in {@code TokenCache}) →
 * {@code Redirects} (credentials only to the registry's origin) → {@code HttpSender} (one request,
 * one debug line), with the {@code Retrier} asking a {@link dev.fita.oci.registry.RetryPolicy} after
 * each failed attempt and {@code Responses} mapping answers to typed exceptions that carry the
 * {@link dev.fita.oci.registry.ErrorResponse}. Also image references (one grammar, one Docker Hub
 * alias table) and pulls by platform. Imports the model, {@code content}, {@code layout} (pulls) and
 * Google HTTP Client.
 */
package dev.fita.oci.registry;
