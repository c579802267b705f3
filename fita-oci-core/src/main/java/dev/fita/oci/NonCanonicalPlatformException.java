package dev.fita.oci;

/** A platform spelled so that no puller selects it, e.g. {@code zephyr/armv7}; names the OCI spelling. */
public class NonCanonicalPlatformException extends InvalidPlatformException {
    private final transient PlatformSpelling.Misspelling misspelling;

    public NonCanonicalPlatformException(PlatformSpelling.Misspelling misspelling) {
        super(misspelling.sentence());
        this.misspelling = misspelling;
    }

    /** The spelling to write instead. */
    public Platform canonical() {
        return misspelling.canonical();
    }
}
