// Without <allowInsecureRegistries>, the plain-HTTP registry ends fita:push, fita:inspect and fita:build's base
// pull at its first answer: one sentence naming the registry and the setting, seconds after the goal began.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def lines = lib.buildLog(basedir).readLines()
def time = lib.TIME
def millis = { String line ->
    def m = time.matcher(line)
    assert m.find() : "no time stamp on: ${line}"
    ((m.group(1).toLong() * 60 + m.group(2).toLong()) * 60 + m.group(3).toLong()) * 1000 + m.group(4).toLong()
}
def sentence = "${itRegistry} speaks plain HTTP, not HTTPS; set <allowInsecureRegistries>true</allowInsecureRegistries>" +
        " (or -Dfita.allowInsecureRegistries) to use it"
def expected = [
        push   : "Pushing to <to><image> ${itRegistry}/fita/fail-plain-http-registry:1 failed: ${sentence}",
        inspect: "Inspecting ${itRegistry}/base/tiny:1 failed: ${sentence}",
        build  : "Base image ${itRegistry}/base/tiny:1: ${sentence}"]
int from = 0
expected.each { goal, message ->
    int start = lines.findIndexOf(from) { it =~ /\[INFO\] --- fita:[^:]+:${goal} / }
    assert start >= 0 : "fita:${goal} did not run:\n${lib.tail(lines.join('\n'))}"
    int end = lines.findIndexOf(start) { it.contains('BUILD FAILURE') }
    assert end > start : "fita:${goal} did not fail:\n${lib.tail(lines.join('\n'))}"
    def errors = lines.subList(end, Math.min(lines.size(), end + 15)).collect { it.replaceFirst(time, '') }
    assert errors.any { it.startsWith('[ERROR]') && it.contains(message) } :
            "fita:${goal} did not fail with: ${message}\n${errors.join('\n')}"
    def retries = lines.subList(start, end).findAll { it.contains('will be retried') || it.contains('retrying') }
    assert retries.isEmpty() : "fita:${goal} retried first:\n${retries.join('\n')}"
    long took = millis(lines[end]) - millis(lines[start])
    if (took < 0) took += 24 * 3600 * 1000L
    // Jib's own retries would take about a minute: a few seconds means the first answer ended it.
    assert took < 15_000 : "fita:${goal} failed ${took} ms after it started"
    println "fail-plain-http-registry: fita:${goal} failed ${took} ms after it started"
    from = end + 1
}
lib.assertNothingAt("${itRegistry}/fita/fail-plain-http-registry:1")
return true

