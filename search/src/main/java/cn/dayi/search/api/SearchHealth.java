package cn.dayi.search.api;

/**
 * Asks whether the search backend answers, e.g. for a readiness probe or to tell users that
 * search is temporarily off. Never throws.
 */
public interface SearchHealth {

    /**
     * True when Elasticsearch answered a cluster-health request within about two seconds with
     * status green or yellow; false when it did not answer, answered with an error, or reported red.
     */
    boolean available();
}
