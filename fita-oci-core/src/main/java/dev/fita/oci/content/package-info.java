/**
 * One content model for every store: the read side ({@link dev.fita.oci.content.ReadableStorage}:
 * fetch, exists, resolve a tag) and the write side ({@link dev.fita.oci.content.Storage}: push, tag)
 * that both an OCI image layout and a registry repository implement, and the one graph copy
 * ({@link dev.fita.oci.content.GraphCopy}) that moves an image between any two of them. Imports the
 * model ({@code dev.fita.oci}) only.
 */
package dev.fita.oci.content;
