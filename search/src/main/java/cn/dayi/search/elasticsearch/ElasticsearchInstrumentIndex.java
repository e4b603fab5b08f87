package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.GetIndexResponse;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;
import co.elastic.clients.elasticsearch.indices.get.Feature;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InstrumentIndex} on Elasticsearch: versioned indices {@code <prefix>-instruments-v<n>}
 * (n = 1, 2, 3, ...) behind the alias {@code <prefix>-instruments}; one primary shard (the
 * catalogue is tens of thousands of documents, not millions) and {@code dayi.search.replicas}
 * replicas (default 1).
 *
 * <p>Writes go through the alias with {@code require_alias}, so a missing alias never lets
 * Elasticsearch invent an index with a guessed mapping; the first write creates the index when
 * needed. Documents changed while {@link #rebuild} runs are written to the old index and must be
 * written again after the rebuild (the marketplace's repair job does that by {@code updatedAt}).
 */
@Singleton
final class ElasticsearchInstrumentIndex implements InstrumentIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchInstrumentIndex.class);
    /** Documents per bulk request. */
    static final int BULK_CHUNK = 500;
    /** How long an old version outlives the alias swap, for searches still running on it. */
    static final long OLD_INDEX_GRACE_MS = 1_000;
    /** Failed ids named in an exception message; the rest are counted. */
    private static final int MAX_NAMED_FAILURES = 10;
    /** Key in the mapping's {@code _meta} that is bumped on every mapping change. */
    static final String MAPPING_VERSION = "mappingVersion";

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final int replicas;
    private volatile boolean aliasKnown;

    ElasticsearchInstrumentIndex(ElasticsearchClient client, IndexNames names,
                                 @Value("${dayi.search.replicas:1}") int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("dayi.search.replicas must be 0 or more, got " + replicas);
        }
        this.client = client;
        this.names = names;
        this.replicas = replicas;
    }

    @Override
    public void ensureIndex() {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (exists()) {
                aliasKnown = true;
                return;
            }
            String index = names.version(nextVersion(versions()));
            try {
                Failures.call("creating " + index, () -> client.indices().create(c -> c
                        .index(index)
                        .settings(settings(false))
                        .mappings(mappings())
                        .aliases(names.alias(), a -> a.isWriteIndex(true))));
                LOG.info("Created search index {} behind alias {}", index, names.alias());
                aliasKnown = true;
                return;
            } catch (SearchUnavailableException e) {
                if (!Failures.isErrorType(e.getCause(), "resource_already_exists_exception")) {
                    throw e;
                }
                // another node created it at the same moment: look again
            }
        }
        throw new SearchUnavailableException("could not create the index behind " + names.alias()
                + ": other writers kept creating versions at the same time", null);
    }

    @Override
    public boolean exists() {
        return Failures.call("checking alias " + names.alias(),
                () -> client.indices().existsAlias(e -> e.name(names.alias())).value());
    }

    @Override
    public boolean isCurrent() {
        if (!exists()) {
            return false;
        }
        var mappings = Failures.call("reading the mapping of " + names.alias(),
                () -> client.indices().getMapping(g -> g.index(names.alias()))).mappings();
        return !mappings.isEmpty() && mappings.values().stream().allMatch(m -> {
            var meta = m.mappings().meta();
            var v = meta == null ? null : meta.get(MAPPING_VERSION);
            return v != null && v.to(Long.class) == mappingVersion();
        });
    }

    /** {@code _meta.mappingVersion} of the mapping this build ships. */
    static long mappingVersion() {
        var meta = mappings().meta();
        var v = meta == null ? null : meta.get(MAPPING_VERSION);
        if (v == null) {
            throw new IllegalStateException("instrument-mappings.json lacks _meta." + MAPPING_VERSION);
        }
        return v.to(Long.class);
    }

    @Override
    public void index(Collection<InstrumentDocument> documents) {
        index(documents, true);
    }

    @Override
    public void index(Collection<InstrumentDocument> documents, boolean waitUntilSearchable) {
        if (documents == null || documents.isEmpty()) {
            return;
        }
        List<BulkOperation> ops = new ArrayList<>(documents.size());
        for (InstrumentDocument d : documents) {
            String id = Long.toString(d.id());
            var source = DocumentCodec.toSource(d);
            ops.add(BulkOperation.of(o -> o.index(i -> i.id(id).document(source))));
        }
        writeThroughAlias(ops, waitUntilSearchable, "indexing");
    }

    @Override
    public void bulkLoading(boolean on) {
        if (!exists()) {
            return;
        }
        Failures.call("changing the refresh interval of " + names.alias(), () -> client.indices().putSettings(p -> p
                .index(names.alias())
                .settings(x -> x.refreshInterval(t -> t.time(on ? "-1" : "1s")))));
        if (!on) {
            refresh();
        }
    }

    @Override
    public void refresh() {
        Failures.call("refreshing " + names.alias(), () -> client.indices().refresh(r -> r.index(names.alias())));
    }

    @Override
    public void delete(Collection<Long> instrumentIds) {
        if (instrumentIds == null || instrumentIds.isEmpty()) {
            return;
        }
        if (!aliasKnown && !exists()) {
            return; // nothing indexed yet, so nothing to delete
        }
        List<BulkOperation> ops = instrumentIds.stream().distinct()
                .map(id -> BulkOperation.of(o -> o.delete(d -> d.id(Long.toString(id)))))
                .toList();
        writeThroughAlias(ops, true, "deleting");
    }

    @Override
    public RebuildResult rebuild(Consumer<Consumer<List<InstrumentDocument>>> filler) {
        String index = createVersionForRebuild();
        AtomicLong written = new AtomicLong();
        List<String> previous;
        long documents;
        try {
            filler.accept(batch -> {
                if (batch == null || batch.isEmpty()) {
                    return;
                }
                List<BulkOperation> ops = new ArrayList<>(batch.size());
                for (InstrumentDocument d : batch) {
                    String id = Long.toString(d.id());
                    var source = DocumentCodec.toSource(d);
                    ops.add(BulkOperation.of(o -> o.index(i -> i.id(id).document(source))));
                }
                bulk(index, false, ops, Refresh.False, "filling " + index);
                written.addAndGet(batch.size());
            });
            Failures.call("restoring settings of " + index, () -> client.indices().putSettings(p -> p
                    .index(index)
                    .settings(s -> s.refreshInterval(t -> t.time("1s")).numberOfReplicas(Integer.toString(replicas)))));
            Failures.call("refreshing " + index, () -> client.indices().refresh(r -> r.index(index)));
            documents = Failures.call("counting " + index, () -> client.count(c -> c.index(index)).count());
            previous = behindAlias();
            List<Action> actions = new ArrayList<>();
            for (String old : previous) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(names.alias()))));
            }
            actions.add(Action.of(a -> a.add(ad -> ad.index(index).alias(names.alias()).isWriteIndex(true))));
            Failures.call("moving alias " + names.alias() + " to " + index,
                    () -> client.indices().updateAliases(u -> u.actions(actions)));
        } catch (RuntimeException e) {
            deleteQuietly(index);
            throw e;
        }
        aliasKnown = true;
        LOG.info("Rebuilt search index {}: {} documents ({} written); alias {} moved from {}",
                index, documents, written.get(), names.alias(), previous);
        if (!previous.isEmpty()) {
            // searches that resolved the alias just before the swap may still be fetching
            pause(OLD_INDEX_GRACE_MS);
            previous.forEach(this::deleteQuietly);
        }
        return new RebuildResult(index, documents);
    }

    @Override
    public long count() {
        return Failures.call("counting " + names.alias(), () -> client.count(c -> c
                .index(names.alias()).ignoreUnavailable(true).allowNoIndices(true)).count());
    }

    // ------------------------------------------------------------------ internals

    private void writeThroughAlias(List<BulkOperation> ops, boolean wait, String doing) {
        if (!aliasKnown) {
            ensureIndex();
        }
        try {
            bulk(names.alias(), true, ops, wait ? Refresh.WaitFor : Refresh.False, doing + " through " + names.alias());
        } catch (AliasMissing e) {
            aliasKnown = false; // someone removed it: create it again and retry once
            ensureIndex();
            bulk(names.alias(), true, ops, wait ? Refresh.WaitFor : Refresh.False, doing + " through " + names.alias());
        }
    }

    private void bulk(String target, boolean requireAlias, List<BulkOperation> ops, Refresh refresh, String doing) {
        List<String> failures = new ArrayList<>();
        int failed = 0;
        int missingAlias = 0;
        for (int from = 0; from < ops.size(); from += BULK_CHUNK) {
            List<BulkOperation> chunk = ops.subList(from, Math.min(ops.size(), from + BULK_CHUNK));
            BulkResponse r = Failures.call(doing, () -> client.bulk(b -> b
                    .index(target)
                    .requireAlias(requireAlias ? Boolean.TRUE : null)
                    .refresh(refresh)
                    .operations(chunk)));
            if (!r.errors()) {
                continue;
            }
            for (BulkResponseItem item : r.items()) {
                if (item.error() == null) {
                    continue;
                }
                if ("index_not_found_exception".equals(item.error().type())) {
                    missingAlias++;
                }
                failed++;
                if (failures.size() < MAX_NAMED_FAILURES) {
                    failures.add(item.id() + " (" + item.error().type() + ": " + item.error().reason() + ")");
                }
            }
        }
        if (failed > 0 && missingAlias == failed && requireAlias) {
            throw new AliasMissing();
        }
        if (failed > 0) {
            throw new SearchUnavailableException("Elasticsearch rejected " + failed + " of " + ops.size()
                    + " instruments while " + doing + ": " + String.join(", ", failures)
                    + (failed > failures.size() ? ", ..." : ""), null);
        }
    }

    /** Thrown inside this class when a write found no alias. */
    private static final class AliasMissing extends RuntimeException {
        AliasMissing() {
            super(null, null, false, false);
        }
    }

    private String createVersionForRebuild() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String index = names.version(nextVersion(versions()));
            try {
                Failures.call("creating " + index, () -> client.indices().create(c -> c
                        .index(index).settings(settings(true)).mappings(mappings())));
                return index;
            } catch (SearchUnavailableException e) {
                if (!Failures.isErrorType(e.getCause(), "resource_already_exists_exception")) {
                    throw e;
                }
            }
        }
        throw new SearchUnavailableException("could not create a new version of " + names.alias()
                + ": other writers kept creating versions at the same time", null);
    }

    /** All versioned indices and whether each is behind the alias. */
    private Map<String, IndexState> versions() {
        GetIndexResponse r = Failures.call("listing " + names.allVersions(), () -> client.indices().get(g -> g
                .index(names.allVersions()).features(Feature.Aliases).ignoreUnavailable(true).allowNoIndices(true)));
        return r.indices();
    }

    private List<String> behindAlias() {
        return versions().entrySet().stream()
                .filter(e -> e.getValue().aliases().containsKey(names.alias()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private long nextVersion(Map<String, IndexState> existing) {
        return existing.keySet().stream()
                .mapToLong(n -> names.versionOf(n).orElse(0))
                .max().orElse(0) + 1;
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            LOG.info("Deleted search index {}", index);
        } catch (IOException | ElasticsearchException e) {
            LOG.warn("Could not delete search index {}; delete it by hand: {}", index, e.toString());
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private IndexSettings settings(boolean bulkLoading) {
        return IndexSettings.of(s -> s
                .numberOfShards("1")
                .numberOfReplicas(bulkLoading ? "0" : Integer.toString(replicas))
                .refreshInterval(t -> t.time(bulkLoading ? "-1" : "1s"))
                .maxResultWindow(cn.dayi.search.api.InstrumentQuery.MAX_WINDOW)
                .analysis(a -> a.normalizer("dayi_lowercase", n -> n.custom(c -> c.filter("lowercase")))));
    }

    private static TypeMapping mappings() {
        try (InputStream in = ElasticsearchInstrumentIndex.class.getResourceAsStream("instrument-mappings.json")) {
            if (in == null) {
                throw new IllegalStateException("instrument-mappings.json missing from the search module");
            }
            return TypeMapping.of(m -> m.withJson(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
