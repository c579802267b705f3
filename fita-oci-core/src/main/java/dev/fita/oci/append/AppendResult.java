package dev.fita.oci.append;

import java.util.List;

import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.PushResult;

/**
 * What an append made and did: the source's descriptor, the new index's descriptor and entries
 * (source entries unchanged, then the appended one), and the push (uploaded, present, mounted, tags).
 */
public record AppendResult(Descriptor source, Descriptor index, List<Descriptor> entries, PushResult push) {

    public AppendResult {
        entries = List.copyOf(entries);
    }
}
