// The per-platform tag holding an index is named in one sentence; no tag moved.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-index"
lib.assertMergeRefused(basedir, repo, "${repo}:1-linux-amd64 is an image index (application/vnd.oci.image.index.v1+json), "
        + "not the single linux/amd64 image manifest a per-platform image must be", '1-linux-amd64')
return true
