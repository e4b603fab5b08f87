package cn.dayi.search.api;

import java.util.List;

/**
 * Reads from the instrument index. Throws {@link SearchUnavailableException} when Elasticsearch
 * cannot be reached, and {@link IllegalArgumentException} for a query it cannot run (e.g. a page
 * beyond {@link InstrumentQuery#MAX_WINDOW}).
 */
public interface InstrumentSearch {

    /**
     * Free text over name, model, manufacturer, parameters and owner, Chinese and English; whole
     * phrases rank above scattered character matches; common abbreviations (电镜, 核磁, SEM, TEM,
     * NMR, XRD, XPS, ICP-MS, 质谱, 色谱, ...) expand to their full terms. User text is never
     * interpreted as query syntax.
     */
    SearchResult search(InstrumentQuery query);

    /** Up to {@code size} suggestions for what a user has typed so far. */
    List<Suggestion> suggest(String prefix, int size);
}
