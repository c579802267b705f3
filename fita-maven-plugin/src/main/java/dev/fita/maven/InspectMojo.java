package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.inspect.ImageTree;
import dev.fita.maven.inspect.LayoutContent;
import dev.fita.maven.inspect.RegistryContent;
import dev.fita.maven.jib.JibLog;
import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import dev.fita.oci.registry.Repository;
import dev.fita.oci.layout.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the image as a tree: each index entry's platform, media type, digest and size, and for
 * the embServe entry its service name and version. Reads the local layout of {@code fita:build},
 * or a registry reference given with {@code -Dfita.image=registry/repository:tag}.
 */
@Mojo(name = "inspect", threadSafe = true, requiresProject = false)
public class InspectMojo extends AbstractFitaMojo {

    /** A registry reference to inspect instead of the local layout. */
    @Parameter(property = "fita.image")
    private String image;

    @Inject
    public InspectMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        FitaSettings settings = settings();
        String reference = properties().string("fita.image", image);
        try {
            List<String> lines = reference == null || reference.isBlank() ? local(settings) : remote(settings, reference.trim());
            lines.forEach(getLog()::info);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        } catch (RegistryException e) {
            throw Errors.mojo(getLog(), "Inspecting " + reference + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw Errors.toMojo(getLog(), e);
        }
    }

    private List<String> local(FitaSettings settings) throws Exception {
        Path dir = settings.layoutDirectory();
        if (!Files.isRegularFile(dir.resolve("index.json"))) {
            throw new ConfigurationException("No image built: run fita:build first (" + dir + " is missing), "
                    + "or inspect a registry image with -Dfita.image=registry/repository:tag");
        }
        OciLayout layout = OciLayout.open(dir);
        // One tree per distinct root; its title lists every tag that points at it.
        Map<String, List<String>> tagsByDigest = new LinkedHashMap<>();
        Map<String, Descriptor> roots = new LinkedHashMap<>();
        for (Descriptor entry : layout.readIndex().manifests()) {
            String key = entry.digest().toString();
            roots.putIfAbsent(key, new Descriptor(entry.mediaType(), entry.digest(), entry.size()));
            String tag = entry.annotations().get(Annotations.REF_NAME);
            tagsByDigest.computeIfAbsent(key, k -> new ArrayList<>());
            if (tag != null) {
                tagsByDigest.get(key).add(tag);
            }
        }
        ImageTree tree = new ImageTree(new LayoutContent(layout));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Descriptor> root : roots.entrySet()) {
            List<String> tags = tagsByDigest.get(root.getKey());
            String title = dir + (tags.isEmpty() ? "" : " (tags: " + String.join(", ", tags) + ")");
            lines.addAll(tree.render(title, root.getValue()));
        }
        return lines;
    }

    private List<String> remote(FitaSettings settings, String reference) throws Exception {
        if (session != null && session.isOffline()) {
            throw new ConfigurationException("fita:inspect cannot read " + reference + " in offline mode (-o)");
        }
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference);
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("-Dfita.image: " + e.getMessage(), e);
        }
        RegistryCredentials chain = new RegistryCredentials(settings.to().auth(), "<to><auth>",
                settings.to().credHelper(), settingsServers(), new JibLog(getLog(), ""));
        RegistryClient client = registryClient(settings, new PushCredentials(chain)).build();
        Repository repository = client.repository(ref);
        Descriptor root = repository.fetchManifest(ref.referenceOrTag()).descriptor();
        return new ImageTree(new RegistryContent(repository)).render(ref.toString(), root);
    }
}
