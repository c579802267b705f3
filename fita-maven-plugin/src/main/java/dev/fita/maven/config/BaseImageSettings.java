package dev.fita.maven.config;

/** The resolved {@code <from>}: image reference, explicit auth (nullable) and credHelper (nullable). */
public record BaseImageSettings(String image, Auth auth, String credHelper) {}
