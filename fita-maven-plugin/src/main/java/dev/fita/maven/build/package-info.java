/**
 * The {@code build} goal's work: the linux images from {@code jib} and the embServe entry composed into
 * one OCI image layout with {@code image.json} and Jib's output files ({@link dev.fita.maven.build.ImageBuildService}).
 * May import {@code config}, {@code image}, {@code jib} (its {@code LinuxImageBuilder}) and the core.
 */
package dev.fita.maven.build;
