// Across registries: every blob streamed from the authenticated source (settings.xml credentials
// on the <from> side) to the plain target, nothing mounted; the linux manifests arrive byte for
// byte; zephyr/arm/v7 is the exact service.json; no secret in the log.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
assert !log.contains(itAuthPassword) : 'the registry password appears in build.log'
def creds = "${itAuthUser}:${itAuthPassword}".toString()
def source = "${itAuthRegistry}/base/tiny"
def target = "${itRegistry}/fita/across"

def base = lib.inspectRaw("${source}:1", creds).json
def index = lib.inspectRaw("${target}:1").json
assert index.mediaType == 'application/vnd.oci.image.index.v1+json' : index.mediaType
assert lib.platforms(index) == ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'zephyr/arm/v7'] : lib.platforms(index)
assert lib.digestOf("${target}:edge") == lib.digestOf("${target}:1")
base.manifests.eachWithIndex { entry, i ->
    assert index.manifests[i].digest == entry.digest : "entry ${i} does not point at the source manifest"
    assert lib.inspectRaw("${target}@${entry.digest}").raw == lib.inspectRaw("${source}@${entry.digest}", creds).raw
}

def zephyrDir = new File(basedir, 'target/pulled-zephyr')
lib.ok(['skopeo', 'copy', '--override-os', 'zephyr', '--override-arch', 'arm', '--override-variant', 'v7',
        '--src-tls-verify=false', "docker://${target}:edge".toString(), "dir:${zephyrDir}".toString()])
def manifest = new groovy.json.JsonSlurper().parse(new File(zephyrDir, 'manifest.json'))
def served = new File(zephyrDir, manifest.layers[0].digest.substring('sha256:'.length()))
assert served.bytes == new File(basedir, 'src/main/embserve/service.json').bytes : 'the zephyr layer is not service.json'

// The linux images are whole on the target: skopeo copies arm64 out of it, verifying every blob.
lib.ok(['skopeo', 'copy', '--override-os', 'linux', '--override-arch', 'arm64', '--src-tls-verify=false',
        "docker://${target}:1".toString(), "oci:${new File(basedir, 'target/pulled-arm64')}:x".toString()])

def summary = log.readLines().find { it =~ /Uploaded \d+ blobs?/ }
assert summary =~ /Uploaded 8 blobs .* 0 mounted/ : "expected every blob streamed, nothing mounted: ${summary}"
assert log.contains('streaming the source\'s blobs from ' + itAuthRegistry) : lib.tail(log)
def digest = new File(basedir, 'target/fita/image.digest').text.trim()
assert digest == lib.digestOf("${target}:1")
return true
