// The runners pushed elsewhere: linux/amd64 to the authenticated registry, linux/arm64 to another
// repository of the target registry; linux/arm/v7 to its per-platform tag of <to><image>.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def base = "${itRegistry}/base/tiny:1"
lib.copyImage(base, "${itAuthRegistry}/ci/merge-across:1-linux-amd64", 'amd64', "${itAuthUser}:${itAuthPassword}")
lib.copyImage(base, "${itRegistry}/ci/merge-across:1-linux-arm64", 'arm64')
lib.copyImage(base, "${itRegistry}/fita/merge-across:1-linux-arm-v7", 'arm')
return true
