package cn.dayi.search.api;

/** Elasticsearch could not be reached or refused the request; the web layer answers 503. */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
