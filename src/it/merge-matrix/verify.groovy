// Three runners pushed one platform each under per-platform tags and moved no release tag; the merge
// (from a checkout that built nothing) read manifests and configs but no layer, and pushed the index
// a single machine's mvn deploy of the same inputs pushes, byte for byte. Checked with skopeo and
// umoci, and with the registry's own request log.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert log.count('BUILD SUCCESS') == 5 && !log.contains('BUILD FAILURE') : lib.tail(log)
def repo = "${itRegistry}/fita/merge-matrix"
def single = "${itRegistry}/fita/merge-single"
def platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
def suffix = { String platform -> platform.replace('/', '-') }

// The registry's requests to the merged repository, in order: [method, path].
def requests = new File(itRegistryLog).readLines().collect { line ->
    def m = line =~ /http\.request\.method=(\w+) .*?http\.request\.uri="?(\/v2\/fita\/merge-matrix\/[^" ]+)"?/
    m.find() ? [m.group(1), m.group(2)] : null
}.findAll { it != null }
def manifestPuts = requests.findAll { it[0] == 'PUT' && it[1].contains('/manifests/') }.collect { it[1].replaceFirst(/.*\/manifests\//, '') }
def blobGets = requests.findAll { it[0] == 'GET' && it[1].contains('/blobs/') }.collect { it[1].replaceFirst(/.*\/blobs\//, '') }

// The merged index, and the single machine's.
def merged = lib.inspectRaw("${repo}:2.3.0")
def reference = lib.inspectRaw("${single}:2.3.0")
assert merged.json.mediaType == 'application/vnd.oci.image.index.v1+json'
assert lib.platforms(merged.json) == platforms + ['zephyr/arm/v7'] : lib.platforms(merged.json)
assert merged.raw == reference.raw : "the merged index differs from the single machine's:\n${merged.raw}\n${reference.raw}"
def digest = lib.digestOf("${repo}:2.3.0")
assert digest == lib.digestOf("${single}:2.3.0")
assert lib.digestOf("${repo}:latest") == digest
assert new File(basedir, 'checkouts/merge/target/fita/image.digest').text.trim() == digest
assert !new File(basedir, 'checkouts/merge/target/fita/image').exists() : 'the merge job built an image'
println "[merge-matrix] merged ${digest} == single machine ${lib.digestOf("${single}:2.3.0")}"

// Each runner pushed its platform's manifest under the per-platform tag of both release tags.
platforms.eachWithIndex { platform, i ->
    def entry = merged.json.manifests[i]
    ['2.3.0', 'latest'].each { tag ->
        def perPlatform = lib.inspectRaw("${repo}:${tag}-${suffix(platform)}")
        assert perPlatform.json.mediaType == 'application/vnd.oci.image.manifest.v1+json' : perPlatform.json.mediaType
        assert lib.digestOf("${repo}:${tag}-${suffix(platform)}") == entry.digest : "${tag}-${suffix(platform)}"
    }
}
// Only the merge put the embServe manifest, the index and the release tags, and the tags came last.
def zephyr = merged.json.manifests[3].digest
assert manifestPuts.takeRight(4) == [zephyr, digest, '2.3.0', 'latest'] : "the last manifest PUTs: ${manifestPuts}"
assert manifestPuts.count('2.3.0') == 1 && manifestPuts.count('latest') == 1 && manifestPuts.count(zephyr) == 1 : manifestPuts
assert log.count('Partial push: 1 platform image(s)') == 3 : lib.tail(log)

// The merge downloaded no layer: the only blobs read from the repository are the three configs.
def configs = merged.json.manifests.take(3).collect { lib.inspectRaw("${repo}@${it.digest}").json.config.digest }
assert blobGets.sort() == configs.sort() : "blobs read from ${repo}: ${blobGets}, the configs: ${configs}"
def mergeLog = log.substring(log.lastIndexOf('fita:merge'))
assert mergeLog =~ /Uploaded 2 blobs \(0\.0 MB\), \d+ already present/ : mergeLog  // the embServe config and service.json

// What a linux/arm/v7 node pulls: the arm/v7 base layer and the app; what a far-edge device pulls: service.json.
new File(basedir, 'target').mkdirs()
def ociDir = new File(basedir, 'target/pulled-arm-v7')
lib.ok(['skopeo', 'copy', '--override-os', 'linux', '--override-arch', 'arm', '--override-variant', 'v7',
        '--src-tls-verify=false', "docker://${repo}:2.3.0".toString(), "oci:${ociDir}:armv7".toString()])
def bundle = new File(basedir, 'target/unpacked-arm-v7')
lib.ok(['umoci', 'unpack', '--rootless', '--image', "${ociDir}:armv7".toString(), bundle.toString()])
assert new File(bundle, 'rootfs/etc/fita-base-arch').text.trim() == 'arm/v7'
assert new File(bundle, 'rootfs/app/classes/org/example/Main.class').isFile()
def zephyrDir = new File(basedir, 'target/pulled-zephyr')
lib.ok(['skopeo', 'copy', '--override-os', 'zephyr', '--override-arch', 'arm', '--override-variant', 'v7',
        '--src-tls-verify=false', "docker://${repo}:latest".toString(), "dir:${zephyrDir}".toString()])
def manifest = new groovy.json.JsonSlurper().parse(new File(zephyrDir, 'manifest.json'))
def served = new File(zephyrDir, manifest.layers[0].digest.substring('sha256:'.length()))
assert served.bytes == new File(basedir, 'src/main/embserve/service.json').bytes : 'the zephyr layer is not service.json'
return true
