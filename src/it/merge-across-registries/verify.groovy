// The index lists the three images as they were pushed elsewhere, byte for byte, now whole in the
// target repository (amd64 streamed from the authenticated registry, arm64 mounted); no secret in the log.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
assert !log.contains(itAuthPassword) : 'the registry password appears in build.log'
def creds = "${itAuthUser}:${itAuthPassword}".toString()
def target = "${itRegistry}/fita/merge-across"
def index = lib.inspectRaw("${target}:1").json
assert lib.platforms(index) == ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'zephyr/arm/v7'] : lib.platforms(index)
def sources = [["${itAuthRegistry}/ci/merge-across:1-linux-amd64", creds], ["${itRegistry}/ci/merge-across:1-linux-arm64", null],
               ["${target}:1-linux-arm-v7", null]]
sources.eachWithIndex { source, i ->
    def entry = index.manifests[i]
    assert entry.digest == lib.digestOf(source[0], source[1]) : "entry ${i} is not the image at ${source[0]}"
    assert lib.inspectRaw("${target}@${entry.digest}").raw == lib.inspectRaw(source[0], source[1]).raw
}
assert log.contains("Copying linux/amd64 from ${itAuthRegistry}/ci/merge-across:1-linux-amd64 (streaming its blobs from ${itAuthRegistry})")
assert log.contains("Copying linux/arm64 from ${itRegistry}/ci/merge-across:1-linux-arm64 (mounting its blobs)")
assert log =~ /Uploaded 0 blobs \(0\.0 MB\), 0 already present \(0\.0 MB\), 2 mounted/ : lib.tail(log)
// Every image is whole in the target: skopeo copies all of it out, verifying each blob.
lib.ok(['skopeo', 'copy', '--all', '--src-tls-verify=false', "docker://${target}:1".toString(),
        "oci:${new File(basedir, 'pulled')}:all".toString()])
return true
