package io.rowdesk.search.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 model, loaded once per process on a background thread. Its weights are
 * immutable and take seconds to load, so every Rowdesk in the process (tests start many) shares one
 * copy: the one static in the search package, on purpose.
 */
public final class EmbeddingModels {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModels.class);
    private static final String DJL_OFFLINE = "ai.djl.offline";
    private static CompletableFuture<EmbeddingModel> shared;

    private EmbeddingModels() {}

    public static synchronized CompletableFuture<EmbeddingModel> allMiniLmL6V2() {
        if (shared == null) {
            shared =
                    CompletableFuture.supplyAsync(
                            () -> {
                                long started = System.nanoTime();
                                // CPU only and no downloads: DJL then uses the tokenizer library
                                // bundled in its jar instead of looking for a CUDA build of it.
                                if (System.getProperty(DJL_OFFLINE) == null) {
                                    System.setProperty(DJL_OFFLINE, "true");
                                }
                                EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
                                LOG.info(
                                        "Embedding model loaded in {} ms",
                                        (System.nanoTime() - started) / 1_000_000);
                                return model;
                            });
            shared.exceptionally(
                    e -> {
                        LOG.warn(
                                "The embedding model could not be loaded; words close in meaning will not be matched: {}",
                                e.getMessage());
                        return null;
                    });
        }
        return shared;
    }
}
