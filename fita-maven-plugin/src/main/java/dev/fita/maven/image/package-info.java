/**
 * What the goals read and write about an image besides the layout itself: the embServe inputs
 * ({@link dev.fita.maven.image.EmbServeLoader}), {@code image.json} ({@link dev.fita.maven.image.ImageRecord}),
 * what the last build left ({@link dev.fita.maven.image.BuiltImage}) and a container image jib-core built
 * into the layout ({@link dev.fita.maven.image.ContainerImage}). May import {@code config} and the core.
 */
package dev.fita.maven.image;
