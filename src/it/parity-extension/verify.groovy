// The layer-filter extension ran inside fita:build: drop-me.txt is gone, config/ is a layer of its own;
// the jib.* property set a label; <dockerClient> got its warning; build said how to push.
import groovy.json.JsonSlurper

def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
assert log.contains('Running extension: com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension')
assert log.readLines().any { it.startsWith('[WARNING] <dockerClient> is ignored') } : lib.tail(log)
assert log.readLines().any { it.startsWith('[INFO] The image is built, not pushed: run \'mvn fita:push\'') } : lib.tail(log)

def layout = new File(basedir, 'target/fita/image')
def slurper = new JsonSlurper()
def blob = { String digest -> new File(layout, 'blobs/sha256/' + digest.substring('sha256:'.length())) }
def top = slurper.parse(new File(layout, 'index.json'))
def index = slurper.parse(blob(top.manifests.find { it.annotations['org.opencontainers.image.ref.name'] == '1' }.digest))
assert lib.platforms(index) == ['linux/amd64']
def manifest = slurper.parse(blob(index.manifests[0].digest))
def config = slurper.parse(blob(manifest.config.digest))
assert config.config.Labels == [origin: 'property'] : config.config

def layers = manifest.layers.collect { layer ->
    lib.ok(['tar', '-tzf', blob(layer.digest).path]).readLines().findAll { !it.endsWith('/') }
}
def all = layers.flatten()
assert all.any { it.endsWith('app/resources/keep.txt') } : all
assert !all.any { it.endsWith('drop-me.txt') } : "the filter did not remove drop-me.txt: ${all}"
def configLayer = layers.find { l -> l.any { it.endsWith('app/resources/config/app.yml') } }
assert configLayer != null && configLayer.every { it.contains('app/resources/config/') } :
        "config/ is not in a layer of its own: ${layers}"
return true
