// Five checkouts of this project, as five CI jobs would clone it: three runners, the merge job and,
// for comparison, a single machine that builds every platform.
import java.nio.file.Files

def source = basedir.toPath()
def checkouts = new File(basedir, 'checkouts')
checkouts.deleteDir()
['runner-linux-amd64', 'runner-linux-arm64', 'runner-linux-arm-v7', 'merge', 'single'].each { name ->
    def checkout = checkouts.toPath().resolve(name)
    Files.createDirectories(checkout)
    Files.copy(source.resolve('pom.xml'), checkout.resolve('pom.xml'))
    Files.walk(source.resolve('src')).withCloseable { paths ->
        paths.each { path ->
            def copy = checkout.resolve(source.relativize(path).toString())
            if (Files.isDirectory(path)) Files.createDirectories(copy) else Files.copy(path, copy)
        }
    }
}
return true
