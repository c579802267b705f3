/**
 * The {@code merge} goal's work: compose the per-platform images that the runners of a CI matrix
 * pushed into the one OCI image index {@code fita:build} would have made, and move the release tags.
 * May import {@code config}, {@code goal}, {@code image} and the core.
 */
package dev.fita.maven.merge;
