/**
 * Composition of one OCI image index from container image manifests and artifact entries
 * ({@link dev.fita.oci.compose.IndexComposer}), and what a merge of images built on separate
 * machines composes from: the per-platform tag naming rule ({@link dev.fita.oci.compose.PlatformTags})
 * and one platform's image as read and checked in a store ({@link dev.fita.oci.compose.PlatformImage}).
 * Imports the model and {@code content}.
 */
package dev.fita.oci.compose;
