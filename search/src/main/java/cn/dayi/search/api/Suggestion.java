package cn.dayi.search.api;

/**
 * An autocomplete suggestion.
 *
 * @param text         what to put in the search box (an instrument name, model or manufacturer)
 * @param instrumentId the instrument it came from, or null for a generic term
 * @param code         that instrument's public code, or null
 */
public record Suggestion(String text, Long instrumentId, String code) {
}
