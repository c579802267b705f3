// Every tag is one OCI index (linux/amd64, linux/arm64, zephyr/arm/v7); the zephyr pull gives the
// exact service.json; linux/arm64 unpacks to the arm64 base layer plus the app classes; a rebuild
// gives the same digest and uploads no blob; with nothing changed, fita:build builds nothing (online
// and offline) and the push sends nothing.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/temperature-sensor"
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)

def digests = [:]
['0.0.1', 'latest', 'rebuild'].each { tag ->
    def index = lib.inspectRaw("${repo}:${tag}").json
    assert index.mediaType == 'application/vnd.oci.image.index.v1+json' : "${tag}: ${index.mediaType}"
    assert lib.platforms(index) == ['linux/amd64', 'linux/arm64', 'zephyr/arm/v7'] : "${tag}: ${lib.platforms(index)}"
    digests[tag] = lib.digestOf("${repo}:${tag}")
}
assert digests['0.0.1'] == digests['latest']
assert digests['rebuild'] == digests['0.0.1'] : "a clean rebuild of the same inputs changed the index digest: ${digests}"
def localDigest = new File(basedir, 'target/fita/image.digest').text.trim()
assert localDigest == digests['rebuild'] : "target/fita/image.digest ${localDigest} is not what was pushed ${digests}"
def record = new File(basedir, 'target/fita/image.json').text
assert record.contains(localDigest) : "target/fita/image.json does not name the index digest ${localDigest}:\n${record}"

// zephyr/arm/v7, as the far-edge kubelet selects it: the one layer is service.json, byte for byte.
def zephyrDir = new File(basedir, 'target/pulled-zephyr')
lib.ok(['skopeo', 'copy', '--override-os', 'zephyr', '--override-arch', 'arm', '--override-variant', 'v7',
       '--src-tls-verify=false', "docker://${repo}:0.0.1".toString(), "dir:${zephyrDir}".toString()])
def manifest = new groovy.json.JsonSlurper().parse(new File(zephyrDir, 'manifest.json'))
assert manifest.layers.size() == 1
def layer = manifest.layers[0]
assert layer.mediaType == 'application/vnd.embserve.v1+json'
assert layer.annotations['org.opencontainers.image.title'] == 'service.json'
def served = new File(zephyrDir, layer.digest.substring('sha256:'.length()))
def expected = new File(basedir, 'src/main/embserve/service.json')
assert served.bytes == expected.bytes : 'the zephyr/arm/v7 layer is not the service.json bytes'
def config = new groovy.json.JsonSlurper().parse(new File(zephyrDir, manifest.config.digest.substring('sha256:'.length())))
assert config == [architecture: 'arm', os: 'zephyr', variant: 'v7']

// linux/arm64: the arm64 base layer and the app classes under Jib's app root.
def ociDir = new File(basedir, 'target/pulled-arm64')
lib.ok(['skopeo', 'copy', '--override-os', 'linux', '--override-arch', 'arm64', '--src-tls-verify=false',
       "docker://${repo}:0.0.1".toString(), "oci:${ociDir}:arm64".toString()])
def bundle = new File(basedir, 'target/unpacked-arm64')
lib.ok(['umoci', 'unpack', '--rootless', '--image', "${ociDir}:arm64".toString(), bundle.toString()])
def rootfs = new File(bundle, 'rootfs')
assert new File(rootfs, 'etc/fita-base-arch').text.trim() == 'arm64'
assert new File(rootfs, 'app/classes/org/example/Main.class').isFile() : "no app class in ${rootfs}"

// The second push found every blob in place; the third had nothing to send.
def uploads = log.readLines().findAll { it =~ /Uploaded \d+ blobs?/ }
assert uploads.size() == 3 : "not one upload summary per push in build.log:\n${lib.tail(log)}"
assert !(uploads[0] =~ /Uploaded 0 blobs?/) : "the first push uploaded nothing: ${uploads[0]}"
assert uploads[1] =~ /Uploaded 0 blobs?\b.*\b[1-9]\d* already present/ : "the second push uploaded blobs: ${uploads[1]}"
assert uploads[2] =~ /Uploaded 0 blobs?\b/ : "the third push uploaded blobs: ${uploads[2]}"

// Runs 3 and 4 (offline): the up-to-date check held, so the layout above is the one of run 2.
def upToDate = log.readLines().findAll { it.contains('Up to date: nothing that shapes the image changed') }
assert upToDate.size() == 2 : "fita:build was not up to date in runs 3 and 4 (only):\n${upToDate.join('\n')}\n${lib.tail(log)}"
return true
