package dev.fita.maven.jib;

/** The base image could not be used for a platform; the message is one sentence naming both. */
public class BaseImageException extends RuntimeException {
    public BaseImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
