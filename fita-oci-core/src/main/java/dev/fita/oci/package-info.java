/** OCI model: digests, platforms, descriptors, image manifests and indexes. */
package dev.fita.oci;
