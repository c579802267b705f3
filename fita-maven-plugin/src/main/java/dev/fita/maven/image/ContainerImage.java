package dev.fita.maven.image;

import dev.fita.oci.Descriptor;

/**
 * A container image jib-core built, now in the layout: its manifest, its config's bytes (for the index
 * entry's platform) and the os and architecture of its base image.
 */
public record ContainerImage(String os, String architecture, Descriptor manifest, byte[] configJson) {}
