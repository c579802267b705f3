// -Dfita.platforms=linux/aarch64 is refused with the OCI spelling linux/arm64, at once, and nothing is pushed.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["-Dfita.platforms: 'linux/aarch64' is not a platform as OCI spells it",
        "write linux/arm64 (os linux, architecture arm64)"])
lib.assertFailedAtOnce(basedir, 'build', 20)
lib.assertNothingAt("${itRegistry}/fita/fail-platform-aarch64:1")
return true
