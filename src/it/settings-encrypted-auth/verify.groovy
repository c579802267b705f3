// The image arrived in the authenticated registry with the settings.xml credentials (the pom has
// none), which also pulled the base image; the registry really demands them; no secret is logged.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def ref = "${itAuthRegistry}/fita/settings-auth:0.0.1"
def creds = "${itAuthUser}:${itAuthPassword}"
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)

def index = lib.inspectRaw(ref, creds).json
assert lib.platforms(index) == ['linux/amd64', 'linux/arm64', 'zephyr/arm/v7']

def anonymous = lib.run(['skopeo', 'inspect', '--raw', '--tls-verify=false', "docker://${ref}".toString()])
assert anonymous.exit != 0 : 'the authenticated IT registry served the image without credentials'

assert log.contains('[DEBUG]') : 'this IT runs with -X'
// -X shows each registry request of the push: method, URL without its query, status.
assert log.contains("[DEBUG] PUT https://${itAuthRegistry}/v2/fita/settings-auth/manifests/0.0.1 -> 201".toString()) :
        'no request line of the push under -X'
assert !(log =~ /\[DEBUG\] (PUT|PATCH|POST) \S*\?/) : 'a request line shows a query (upload state)'
assert !log.contains(itAuthPassword) : 'build.log holds the registry password'
assert !log.contains(creds.bytes.encodeBase64().toString()) : 'build.log holds the Basic authorization value'
assert !log.contains('H81q3FhL2KsHYPlvMq7QkhUsClZRYuyBpBj4dmXbIEk') : 'build.log holds the encrypted password'
return true
