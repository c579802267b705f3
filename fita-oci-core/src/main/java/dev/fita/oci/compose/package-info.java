/** Composition of one OCI image index from container image manifests and artifact entries. */
package dev.fita.oci.compose;
