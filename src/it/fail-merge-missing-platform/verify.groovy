// The missing platform and the tag looked for, in one sentence; no tag moved.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-missing-platform"
lib.assertMergeRefused(basedir, repo, "No per-platform image for linux/arm64 (looked for ${repo}:1-linux-arm64): push it "
        + "first with mvn deploy -Dfita.platforms=linux/arm64 -Dfita.partial=true, then run fita:merge again; no tag was moved",
        '1-linux-amd64')
return true
