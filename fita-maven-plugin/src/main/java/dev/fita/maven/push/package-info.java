/** The {@code push} goal's work: copy the built layout to the target. May import {@code config}, {@code goal}, {@code image} and the core. */
package dev.fita.maven.push;
