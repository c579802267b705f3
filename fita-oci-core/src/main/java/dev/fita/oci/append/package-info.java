/**
 * Adds an entry (the embServe artifact) to a multi-platform image that already exists in a registry,
 * keeping the source's image manifests byte for byte and copying them to the target repository
 * with the graph copy. Imports the model, {@code content}, {@code embserve} and {@code registry}.
 */
package dev.fita.oci.append;
