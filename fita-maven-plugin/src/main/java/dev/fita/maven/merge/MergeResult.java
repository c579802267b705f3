package dev.fita.maven.merge;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyResult;
import java.util.List;

/** What a merge made and did: the index's descriptor and entries, and the push of it with the release tags. */
public record MergeResult(Descriptor index, List<Descriptor> entries, CopyResult push) {

    public MergeResult {
        entries = List.copyOf(entries);
    }
}
