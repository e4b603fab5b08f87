package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.http.HttpParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Links that change the current query: add or remove one filter value, go to a page, switch the
 * language. Immutable; every change returns a new instance. Changing a filter or the sort
 * returns to the first page; {@code lang} is never carried (the cookie remembers it).
 */
final class QueryLinks {

    private final String path;
    private final Map<String, List<String>> params;

    private QueryLinks(String path, Map<String, List<String>> params) {
        this.path = path;
        this.params = params;
    }

    /** The current query of a request to {@code path}, without {@code lang} and blank values. */
    static QueryLinks of(String path, HttpParameters parameters) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            if (name.equals(Language.PARAM)) {
                continue;
            }
            List<String> values = parameters.getAll(name).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
            if (!values.isEmpty()) {
                p.put(name, new ArrayList<>(values));
            }
        }
        return new QueryLinks(path, p);
    }

    /** {@code path?name=value}. */
    static String single(String path, String name, String value) {
        return path + "?" + encode(name) + "=" + encode(value);
    }

    /** Values of one parameter. */
    List<String> values(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** Every parameter and value except the named ones, in order, e.g. for hidden form fields. */
    List<Map.Entry<String, String>> entriesExcept(String... names) {
        List<String> skip = List.of(names);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!skip.contains(name)) {
                values.forEach(v -> out.add(Map.entry(name, v)));
            }
        });
        return out;
    }

    boolean has(String name, String value) {
        return values(name).stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    /** Adds {@code value} to filter {@code name}, back to page 1. */
    QueryLinks with(String name, String value) {
        Map<String, List<String>> p = copyWithoutPage();
        List<String> values = p.computeIfAbsent(name, n -> new ArrayList<>());
        if (values.stream().noneMatch(v -> v.equalsIgnoreCase(value))) {
            values.add(value);
        }
        return new QueryLinks(path, p);
    }

    /** Removes {@code value} from filter {@code name}, back to page 1. */
    QueryLinks without(String name, String value) {
        Map<String, List<String>> p = copyWithoutPage();
        List<String> values = p.get(name);
        if (values != null) {
            values.removeIf(v -> v.equalsIgnoreCase(value));
            if (values.isEmpty()) {
                p.remove(name);
            }
        }
        return new QueryLinks(path, p);
    }

    /** Removes the named parameters entirely, back to page 1. */
    QueryLinks withoutAll(String... names) {
        Map<String, List<String>> p = copyWithoutPage();
        for (String n : names) {
            p.remove(n);
        }
        return new QueryLinks(path, p);
    }

    /** The same query on 0-based {@code page}. */
    QueryLinks page(int page) {
        Map<String, List<String>> p = copyWithoutPage();
        if (page > 0) {
            p.put("page", new ArrayList<>(List.of(Integer.toString(page))));
        }
        return new QueryLinks(path, p);
    }

    /** The current page in {@code language}. */
    String languageSwitch(Language language) {
        Map<String, List<String>> p = copy();
        p.put(Language.PARAM, new ArrayList<>(List.of(language.code())));
        return render(path, p);
    }

    String href() {
        return render(path, params);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new ArrayList<>(v)));
        return p;
    }

    private Map<String, List<String>> copyWithoutPage() {
        Map<String, List<String>> p = copy();
        p.remove("page");
        return p;
    }

    private static String render(String path, Map<String, List<String>> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, values) -> values.forEach(v -> query.add(encode(name) + "=" + encode(v))));
        return query.length() == 0 ? path : path + "?" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
