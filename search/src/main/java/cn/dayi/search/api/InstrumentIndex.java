package cn.dayi.search.api;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes to the instrument index. The index is versioned ({@code <prefix>-instruments-v<n>})
 * behind the alias {@code <prefix>-instruments}; readers only ever use the alias.
 * All methods throw {@link SearchUnavailableException} when Elasticsearch cannot be reached.
 */
public interface InstrumentIndex {

    /** Creates the first versioned index and its alias when the alias does not exist yet. */
    void ensureIndex();

    /** True when the alias exists. */
    boolean exists();

    /**
     * True when the alias exists and the index behind it was built with this version's mapping
     * ({@code _meta.mappingVersion} of {@code instrument-mappings.json}). A mapping change bumps that
     * number; an index built with an older one rejects the new fields (the mapping is strict) and
     * must be rebuilt ({@link #rebuild}), which creates a new versioned index behind the alias.
     */
    default boolean isCurrent() {
        return exists();
    }

    /**
     * Indexes (creates or replaces) documents through the alias and waits until they are
     * searchable. Throws {@link SearchUnavailableException} when any document was rejected, naming it.
     */
    void index(Collection<InstrumentDocument> documents);

    /**
     * Like {@link #index(Collection)}, but lets bulk callers (imports, repair jobs) skip waiting
     * for the documents to become searchable; they then appear within about a second.
     *
     * @param waitUntilSearchable true to block until the documents are visible to searches
     */
    default void index(Collection<InstrumentDocument> documents, boolean waitUntilSearchable) {
        index(documents);
    }

    /** Makes every acknowledged write searchable now (after bulk writes without waiting). */
    void refresh();

    /**
     * Bulk loading on: the index stops refreshing itself every second (each refresh writes a new
     * segment, and merging thousands of tiny ones halves bulk throughput); writes still land and
     * are durable, and become searchable at {@link #refresh()} or when bulk loading is turned off.
     * Off: refresh every second again, and refresh now. Safe to call repeatedly; a node that died
     * while loading is repaired by turning it off at start-up.
     */
    void bulkLoading(boolean on);

    /**
     * Removes documents by instrument id and waits until searches no longer see them; missing
     * ids are ignored.
     */
    void delete(Collection<Long> instrumentIds);

    /**
     * Full rebuild without downtime: creates a new versioned index, lets {@code filler} write all
     * documents into it through the given sink, then swaps the alias atomically and deletes the
     * old index. Searches keep answering from the old index until the swap.
     *
     * @return the name of the new index and how many documents it holds
     */
    RebuildResult rebuild(Consumer<Consumer<List<InstrumentDocument>>> filler);

    /** Number of documents behind the alias. */
    long count();

    /** Outcome of {@link #rebuild}. */
    record RebuildResult(String index, long documents) {
    }
}
