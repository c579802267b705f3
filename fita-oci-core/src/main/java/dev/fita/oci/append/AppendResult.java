package dev.fita.oci.append;

import java.util.List;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyResult;

/**
 * What an append made and did: the source's descriptor, the new index's descriptor and entries
 * (source entries unchanged, then the appended one), and the copy to the target (uploaded, present, mounted, tags).
 */
public record AppendResult(Descriptor source, Descriptor index, List<Descriptor> entries, CopyResult push) {

    public AppendResult {
        entries = List.copyOf(entries);
    }
}
