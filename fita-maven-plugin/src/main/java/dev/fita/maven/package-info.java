/** Maven goals over fita-oci-core. */
package dev.fita.maven;
