/**
 * The {@code inspect} goal's work: an image from any content store (the built layout, a registry)
 * as a tree or as JSON. May import {@code config}, {@code image} and the core.
 */
package dev.fita.maven.inspect;
