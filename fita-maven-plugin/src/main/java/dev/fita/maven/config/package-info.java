/**
 * The plugin's configuration: the pom's elements with Jib's names ({@code *Config} classes, as Maven
 * injects them), the {@code fita.*} and {@code jib.*} properties ({@link dev.fita.maven.config.PropertyOverrides})
 * and their resolution, in one place, into immutable settings ({@link dev.fita.maven.config.SettingsResolver}
 * → {@link dev.fita.maven.config.FitaSettings}). Imports only the core's model; no Maven types but the
 * parameter classes' plain fields.
 */
package dev.fita.maven.config;
