// mvn -q fita:inspect prints the tree and nothing else; -Dfita.inspect.format=json writes it for scripts.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
def digest = new File(basedir, 'target/fita/image.digest').text.trim()

// build.log holds the three runs one after another; the -q run is exactly the six lines of the tree.
def lines = log.readLines()
def title = lines.findIndexOf { it.endsWith('/target/fita/image (tags: 0.0.1)') }
assert title > 0 : "no tree title in build.log:\n${lib.tail(log)}"
assert lines.count { it.endsWith('/target/fita/image (tags: 0.0.1)') } == 1 : 'the JSON run printed the tree too'
assert lines[title - 1].startsWith('[INFO] ---') : "the -q run printed before the tree: ${lines[title - 1]}"
def tree = lines[title..title + 5]
assert tree[1] == "└── OCI image index ${digest} (${new File(basedir, "target/fita/image/blobs/sha256/${digest.substring(7)}").length()} bytes)".toString()
assert tree[2].startsWith('    ├── linux/amd64    application/vnd.oci.image.manifest.v1+json sha256:') : tree[2]
assert tree[3].startsWith('    ├── linux/arm64    ') : tree[3]
assert tree[4].startsWith('    └── zephyr/arm/v7  ') : tree[4]
assert tree[5].contains("embServe service 'temperature-sensor' version 1") : tree[5]
// The next line is the start of the JSON run (invoker turns on -e, which Maven announces first).
assert lines[title + 6] ==~ /\[INFO\] (Error stacktraces are turned on\.|Scanning for projects\.\.\.)/ :
        "the -q run printed after the tree: ${lines[title + 6]}"

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/inspect.json'))
assert json.size() == 1
assert json[0].digest == digest
assert json[0].tags == ['0.0.1']
assert json[0].manifests*.platform == ['linux/amd64', 'linux/arm64', 'zephyr/arm/v7']
assert json[0].manifests[2].embServe.name == 'temperature-sensor'
return true
