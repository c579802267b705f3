/**
 * The bridge to Jib: fita's settings as Jib's raw configuration for jib-plugins-common's configuration
 * processor, one jib-core run for all linux platforms ({@link dev.fita.maven.jib.JibImageBuilder}), its
 * images written into the layout with layers linked from Jib's caches ({@link dev.fita.maven.jib.LayoutWriter}),
 * Jib's log and errors turned into fita's. The only package (with the two helpers in Jib's own packages)
 * that uses jib-core and jib-plugins-common beyond credentials. May import {@code config}, {@code console},
 * {@code image} and the core.
 */
package dev.fita.maven.jib;
