package io.rowdesk.search.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.rowdesk.search.Vocabulary;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Words close in meaning: a word the translator could not place is compared with the relation's
 * known values by the in-process all-MiniLM-L6-v2 embedding model that langchain4j ships
 * ("clothing" finds "Apparel & Accessories", "britain" finds "United Kingdom"). The model loads in
 * the background; until it is ready the translator simply goes without.
 */
public final class SemanticMatcher {
    /** Below this cosine similarity a word is not taken for a value. */
    static final double THRESHOLD = 0.68;

    /**
     * The best value must beat the runner-up by this much: "spain" is as close to France as to
     * Germany.
     */
    static final double MARGIN = 0.06;

    /** A value the word is close to, and how close. */
    public record Match(Vocabulary.ValueRef value, double similarity) {}

    private final CompletableFuture<EmbeddingModel> model;
    private final Map<String, Embedding> embeddings = new ConcurrentHashMap<>();

    public SemanticMatcher(CompletableFuture<EmbeddingModel> model) {
        this.model = model;
    }

    /** True once the model is loaded; before that {@link #closestValue} finds nothing. */
    public boolean ready() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** Waits for the model (tests and benchmarks want the same answer every run). */
    public boolean awaitReady(Duration timeout) {
        try {
            model.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Optional<Match> closestValue(String word, Vocabulary vocabulary) {
        if (!ready() || word == null || word.isBlank()) {
            return Optional.empty();
        }
        Embedding target = embed(word);
        Match best = null;
        double second = 0;
        for (String phrase : vocabulary.valuePhrases()) {
            if (phrase.isBlank()) {
                // a blank stored value: the model refuses empty text, and it means nothing
                continue;
            }
            double similarity = CosineSimilarity.between(target, embed(phrase));
            if (best == null || similarity > best.similarity()) {
                if (best != null && !sameValue(best, vocabulary.values(phrase))) {
                    second = Math.max(second, best.similarity());
                }
                best = new Match(vocabulary.values(phrase).get(0), similarity);
            } else if (!sameValue(best, vocabulary.values(phrase))) {
                second = Math.max(second, similarity);
            }
        }
        if (best == null || best.similarity() < THRESHOLD || best.similarity() - second < MARGIN) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    private static boolean sameValue(Match match, java.util.List<Vocabulary.ValueRef> refs) {
        return refs.contains(match.value());
    }

    private Embedding embed(String text) {
        return embeddings.computeIfAbsent(text, t -> model.join().embed(t).content());
    }
}
