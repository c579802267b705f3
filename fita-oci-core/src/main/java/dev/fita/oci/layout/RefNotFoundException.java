package dev.fita.oci.layout;

/** A reference name that no entry of a layout's {@code index.json} carries. */
public class RefNotFoundException extends LayoutException {
    private final String refName;

    public RefNotFoundException(String refName, String message) {
        super(message);
        this.refName = refName;
    }

    public String refName() {
        return refName;
    }
}
