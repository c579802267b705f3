/**
 * Credentials and proxies as Jib users configure them: {@code <auth>}, credential helpers,
 * {@code settings.xml} servers (decrypted, never logged) and Docker's config, in Jib's order, for the pull
 * and the push sides; {@code settings.xml} proxies. May import {@code config}, Jib's credential retrievers
 * and the core's {@code registry}.
 */
package dev.fita.maven.credentials;
