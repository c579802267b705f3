// The appended index keeps the source's linux manifests byte for byte (Docker v2.2 manifests stay
// Docker manifests inside the OCI index), adds zephyr/arm/v7 with the exact service.json, mounts
// instead of uploading on the same registry, gives the same digest twice, and rewrites in place.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
def source = "${itRegistry}/elsewhere/docker-list"
def target = "${itRegistry}/fita/appended"

def list = lib.inspectRaw("${source}:1").json
def index = lib.inspectRaw("${target}:1").json
assert index.mediaType == 'application/vnd.oci.image.index.v1+json' : index.mediaType
assert lib.platforms(index) == ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'zephyr/arm/v7'] : lib.platforms(index)
assert lib.digestOf("${target}:latest") == lib.digestOf("${target}:1")
list.manifests.eachWithIndex { entry, i ->
    def appended = index.manifests[i]
    assert appended.digest == entry.digest : "entry ${i}: ${appended.digest} is not the source's ${entry.digest}"
    assert appended.mediaType == 'application/vnd.docker.distribution.manifest.v2+json' : appended.mediaType
    assert appended.size == entry.size
    def copied = lib.inspectRaw("${target}@${entry.digest}").raw
    def original = lib.inspectRaw("${source}@${entry.digest}").raw
    assert copied == original : "the ${lib.platforms([manifests: [entry]])} manifest changed on the way"
}

// zephyr/arm/v7 as the far-edge kubelet selects it: exactly the service.json bytes.
def zephyrDir = new File(basedir, 'target/pulled-zephyr')
lib.ok(['skopeo', 'copy', '--override-os', 'zephyr', '--override-arch', 'arm', '--override-variant', 'v7',
        '--src-tls-verify=false', "docker://${target}:latest".toString(), "dir:${zephyrDir}".toString()])
def manifest = new groovy.json.JsonSlurper().parse(new File(zephyrDir, 'manifest.json'))
assert manifest.layers.size() == 1
def served = new File(zephyrDir, manifest.layers[0].digest.substring('sha256:'.length()))
assert served.bytes == new File(basedir, 'src/main/embserve/service.json').bytes : 'the zephyr layer is not service.json'

// Same registry: the source's blobs are mounted, only the embServe config and service.json go up;
// the second run finds everything and pushes the same digest.
def summaries = log.readLines().findAll { it =~ /Uploaded \d+ blobs?/ }
assert summaries.size() == 3 : "expected three upload summaries:\n${lib.tail(log)}"
assert summaries[0] =~ /Uploaded 2 blobs .* [1-9]\d* mounted/ : "the first append did not mount: ${summaries[0]}"
assert summaries[1] =~ /Uploaded 0 blobs .* 0 mounted/ : "the second append uploaded or mounted: ${summaries[1]}"
def pushed = log.readLines().findAll { it.contains("Pushed ${target}:1@") }.collect { it.substring(it.indexOf('@') + 1).trim() }
assert pushed.size() == 2 && pushed[0] == pushed[1] : "the two appends pushed different digests: ${pushed}"
assert pushed[0] == lib.digestOf("${target}:1")

// In place on the command line: the tag now holds the base image's entries plus zephyr/arm/v7.
def base = lib.inspectRaw("${itRegistry}/base/tiny:1").json
def inPlace = lib.inspectRaw("${itRegistry}/elsewhere/oci:1").json
assert lib.platforms(inPlace) == ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'zephyr/arm/v7'] : lib.platforms(inPlace)
assert inPlace.manifests.take(3).collect { it.digest } == base.manifests.collect { it.digest }
assert summaries[2] =~ /Uploaded 2 blobs .* [1-9]\d* already present/ : "in place: ${summaries[2]}"
def digest = new File(basedir, 'target/fita/image.digest').text.trim()
assert digest == lib.digestOf("${itRegistry}/elsewhere/oci:1") : "image.digest ${digest} is not the rewritten image"
assert new File(basedir, 'target/fita/image.json').text.contains(digest)
return true
