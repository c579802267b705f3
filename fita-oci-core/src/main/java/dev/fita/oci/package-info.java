/**
 * The OCI model: digests and their verifier (sha256, sha512), platforms (and the platform of an
 * image config), descriptors, image manifests and indexes with deterministic JSON. Imports Jackson only.
 */
package dev.fita.oci;
