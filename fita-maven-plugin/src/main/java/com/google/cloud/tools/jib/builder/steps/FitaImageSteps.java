package com.google.cloud.tools.jib.builder.steps;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.builder.ProgressEventDispatcher;
import com.google.cloud.tools.jib.builder.steps.LocalBaseImageSteps.LocalImage;
import com.google.cloud.tools.jib.builder.steps.PullBaseImageStep.ImagesAndRegistryClient;
import com.google.cloud.tools.jib.configuration.BuildContext;
import com.google.cloud.tools.jib.configuration.ImageConfiguration;
import com.google.cloud.tools.jib.filesystem.TempDirectoryProvider;
import com.google.cloud.tools.jib.global.JibSystemProperties;
import com.google.cloud.tools.jib.image.Image;
import com.google.cloud.tools.jib.image.Layer;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * jib-core's own build steps for every platform of one build plan in one run, without jib-core's last
 * step (writing a tar or pushing): the base image (a manifest list with each platform's manifest and
 * config, a single manifest, or a tar or Docker daemon image) is read once, each distinct base layer is
 * obtained once into Jib's base-image cache, the application layers are built (or found in Jib's
 * application-layer cache) once for all platforms while the base is read, and each platform's image is
 * assembled by jib-core's {@code BuildImageStep}. The steps run concurrently on the build context's
 * executor, as in jib-core's {@code StepsRunner}, which offers no such combination.
 *
 * <p>This class lives in jib-core's package because those steps are package-private there; only
 * fita-maven-plugin uses it, with the jib-core it bundles (3.5.2). fita writes the returned images
 * into its OCI image layout itself ({@code dev.fita.maven.jib.LayoutWriter}).
 */
public final class FitaImageSteps {
    private FitaImageSteps() {}

    /** The built images, one per platform of the build plan (one in all for a single-platform base). */
    public static List<Image> build(BuildContext context) throws ExecutionException, InterruptedException {
        ExecutorService executor = JibSystemProperties.serializeExecution()
                ? MoreExecutors.newDirectExecutorService() : context.getExecutorService();
        try (TempDirectoryProvider temporary = new TempDirectoryProvider();
                ProgressEventDispatcher progress = ProgressEventDispatcher.newRoot(context.getEventHandlers(),
                        "building images for an OCI image layout", 4)) {
            List<Future<PreparedLayer>> application = new ArrayList<>();
            for (BuildAndCacheApplicationLayerStep step
                    : BuildAndCacheApplicationLayerStep.makeList(context, progress.newChildProducer())) {
                application.add(executor.submit(step));
            }
            Map<Image, List<Future<PreparedLayer>>> bases = baseImages(context, executor, progress.newChildProducer(),
                    progress.newChildProducer(), temporary);
            List<PreparedLayer> applicationLayers = all(application);
            try (ProgressEventDispatcher building = progress.newChildProducer().create("building images",
                    bases.size())) {
                List<Future<Image>> images = new ArrayList<>();
                for (Map.Entry<Image, List<Future<PreparedLayer>>> base : bases.entrySet()) {
                    images.add(executor.submit(new BuildImageStep(context, building.newChildProducer(), base.getKey(),
                            all(base.getValue()), applicationLayers)));
                }
                return all(images);
            }
        } catch (ExecutionException e) {
            ExecutionException inner = e;
            while (inner.getCause() instanceof ExecutionException cause) {
                inner = cause;
            }
            throw inner;
        }
    }

    /** Each base image with its layers being obtained (each distinct layer once, into Jib's base cache). */
    private static Map<Image, List<Future<PreparedLayer>>> baseImages(BuildContext context, ExecutorService executor,
            ProgressEventDispatcher.Factory manifestProgress, ProgressEventDispatcher.Factory layerProgress,
            TempDirectoryProvider temporary) throws ExecutionException, InterruptedException {
        ImageConfiguration base = context.getBaseImageConfiguration();
        Map<Image, List<Future<PreparedLayer>>> result = new LinkedHashMap<>();
        if (base.getTarPath().isPresent() || base.getDockerClient().isPresent()) {
            Callable<LocalImage> read = base.getTarPath().isPresent()
                    ? LocalBaseImageSteps.retrieveTarLayersStep(context, manifestProgress, base.getTarPath().get(),
                            temporary)
                    : LocalBaseImageSteps.retrieveDockerDaemonLayersStep(context, manifestProgress,
                            base.getDockerClient().get(), temporary);
            LocalImage local = executor.submit(read).get();
            ImagesAndRegistryClient image = executor.submit(LocalBaseImageSteps.returnImageAndRegistryClientStep(
                    all(local.layers), local.configurationTemplate)).get();
            layerProgress.create("base image layers", 1).close();
            result.put(image.images.get(0), local.layers);
            return result;
        }
        ImagesAndRegistryClient pulled = executor.submit(new PullBaseImageStep(context, manifestProgress)).get();
        Map<DescriptorDigest, Future<PreparedLayer>> obtained = new HashMap<>();
        try (ProgressEventDispatcher images = layerProgress.create("obtaining base image layers", pulled.images.size())) {
            for (Image image : pulled.images) {
                List<Future<PreparedLayer>> layers = new ArrayList<>();
                try (ProgressEventDispatcher perImage = images.newChildProducer().create("base image layers",
                        image.getLayers().size())) {
                    for (Layer layer : image.getLayers()) {
                        DescriptorDigest digest = layer.getBlobDescriptor().getDigest();
                        Future<PreparedLayer> known = obtained.get(digest);
                        if (known == null) {
                            known = executor.submit(ObtainBaseImageLayerStep.forForcedDownload(context,
                                    perImage.newChildProducer(), layer, pulled.registryClient));
                            obtained.put(digest, known);
                        } else {
                            perImage.dispatchProgress(1);
                        }
                        layers.add(known);
                    }
                }
                result.put(image, layers);
            }
        }
        return result;
    }

    private static <T> List<T> all(List<Future<T>> futures) throws ExecutionException, InterruptedException {
        List<T> values = new ArrayList<>();
        for (Future<T> future : futures) {
            values.add(future.get());
        }
        return values;
    }
}
