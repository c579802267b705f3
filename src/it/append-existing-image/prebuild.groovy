// The images "built elsewhere": the IT base image copied by skopeo as a Docker manifest list
// (--format v2s2: Docker media types, as docker buildx pushes by default) and as an OCI index.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def base = "docker://${itRegistry}/base/tiny:1".toString()
lib.ok(['skopeo', 'copy', '--all', '--format', 'v2s2', '--src-tls-verify=false', '--dest-tls-verify=false',
        base, "docker://${itRegistry}/elsewhere/docker-list:1".toString()])
lib.ok(['skopeo', 'copy', '--all', '--src-tls-verify=false', '--dest-tls-verify=false',
        base, "docker://${itRegistry}/elsewhere/oci:1".toString()])
def list = lib.inspectRaw("${itRegistry}/elsewhere/docker-list:1").json
assert list.mediaType == 'application/vnd.docker.distribution.manifest.list.v2+json' : "skopeo did not make a Docker manifest list: ${list.mediaType}"
return true
