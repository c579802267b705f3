// <embServe><platform>zephyr/armv7 (FITA's docs spell it so) is refused with the OCI spelling, at once, and nothing is pushed.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["<embServe><platform>: 'zephyr/armv7' is not a platform as OCI spells it",
        "write zephyr/arm/v7 (os zephyr, architecture arm, variant v7)"])
lib.assertFailedAtOnce(basedir, 'build', 20)
lib.assertNothingAt("${itRegistry}/fita/fail-zephyr-armv7:1")
return true
