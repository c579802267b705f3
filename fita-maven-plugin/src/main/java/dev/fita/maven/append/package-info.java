/** The {@code append} goal's work: add the embServe entry to an image that already exists in a registry. */
package dev.fita.maven.append;
