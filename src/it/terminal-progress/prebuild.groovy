// A 16 MiB resource of incompressible (seeded, so every run the same) bytes: the image build and the
// push take long enough for the progress display to show, as in the reported terminal problem.
def resources = new File(basedir, 'src/main/resources')
resources.mkdirs()
def payload = new File(resources, 'payload.bin')
if (!payload.isFile() || payload.length() != 16L << 20) {
    def random = new Random(15)
    def bytes = new byte[16 << 20]
    random.nextBytes(bytes)
    payload.bytes = bytes
}
return true
