/**
 * The up-to-date check of {@code fita:build}: one digest over everything that shapes the image
 * ({@link dev.fita.maven.uptodate.BuildInputs}, collected from the Maven project by
 * {@link dev.fita.maven.uptodate.ProjectInputs}), the base image's digest
 * ({@link dev.fita.maven.uptodate.BaseImageDigest}: one HEAD, none offline), the record the last
 * build left ({@link dev.fita.maven.uptodate.BuildRecord}) and whether its output is still complete
 * ({@link dev.fita.maven.uptodate.UpToDateCheck}). May import {@code config}, {@code image},
 * {@code goal} and the core.
 */
package dev.fita.maven.uptodate;
