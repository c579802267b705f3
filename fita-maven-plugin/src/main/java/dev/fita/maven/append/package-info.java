/**
 * The {@code append} goal's work: add the embServe entry to an image that already exists in a
 * registry. May import {@code config}, {@code goal}, {@code image} and the core.
 */
package dev.fita.maven.append;
