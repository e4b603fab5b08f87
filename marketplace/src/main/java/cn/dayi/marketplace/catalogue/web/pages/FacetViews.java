package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.web.SearchResponse.Bucket;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The filter side of the results page: facet lists whose values are links that add the value to
 * the query (or remove it when selected), and the active filters as removable chips. Facet
 * counts come from the search (each facet counted under all the other filters).
 */
public final class FacetViews {

    /** Facets in the order the page lists them; each is also the query parameter it sets. */
    static final List<String> FACETS = List.of(SearchResult.FACET_CATEGORY, SearchResult.FACET_DISTRICT,
            SearchResult.FACET_OWNER_KIND, SearchResult.FACET_SHARING_MODE, SearchResult.FACET_VALUE_BAND,
            SearchResult.FACET_COUNTRY);
    /** Filter parameters shown as chips, in order. */
    static final List<String> CHIP_PARAMS = List.of("category", "district", "region", "ownerId", "ownerKind",
            "sharingMode", "valueBand", "country");
    /** Values a facet shows before "more". */
    static final int VISIBLE = 8;

    /**
     * One facet.
     *
     * @param name    facet and parameter name
     * @param title   heading in the page language
     * @param visible the first values (selected ones always among them)
     * @param more    the rest, behind a disclosure
     */
    public record Facet(String name, String title, List<Option> visible, List<Option> more) {
    }

    /**
     * One facet value.
     *
     * @param href link that selects it, or unselects it when {@code selected}
     */
    public record Option(String key, String label, String countText, boolean selected, String href) {
    }

    /**
     * An active filter.
     *
     * @param text        e.g. "类别:分析仪器"
     * @param href        the query without it
     * @param removeLabel accessible name of the remove link
     */
    public record Chip(String text, String href, String removeLabel) {
    }

    private final QueryLinks links;
    private final InstrumentQuery query;
    private final PageText text;
    private final Function<String, Function<String, String>> labels;

    FacetViews(QueryLinks links, InstrumentQuery query, PageText text, Function<String, Function<String, String>> labels) {
        this.links = links;
        this.query = query;
        this.text = text;
        this.labels = labels;
    }

    List<Facet> facets(Map<String, List<Bucket>> facets) {
        List<Facet> out = new ArrayList<>();
        for (String name : FACETS) {
            List<Bucket> buckets = facets.getOrDefault(name, List.of());
            if (buckets.isEmpty()) {
                continue;
            }
            List<Option> visible = new ArrayList<>();
            List<Option> more = new ArrayList<>();
            for (Bucket b : buckets) {
                boolean selected = selected(name).contains(normalise(name, b.key()));
                Option o = new Option(b.key(), label(name, b.key(), b.label()),
                        Formats.count(b.count(), text.language()), selected,
                        selected ? remove(name, b.key()).href() : links.with(name, b.key()).href());
                (visible.size() < VISIBLE || selected ? visible : more).add(o);
            }
            out.add(new Facet(name, text.get("param." + name), visible, more));
        }
        return out;
    }

    /** Chips for the active filters; {@code ownerNames} names owners by id where the page knows them. */
    List<Chip> chips(Map<Long, String> ownerNames) {
        List<Chip> out = new ArrayList<>();
        for (String name : CHIP_PARAMS) {
            for (String raw : links.values(name)) {
                String chip = text.get("results.chip", text.get("param." + name), valueLabel(name, raw, ownerNames));
                out.add(new Chip(chip, links.without(name, raw).href(), text.get("results.chip.remove", chip)));
            }
        }
        if (query.near() != null) {
            String chip = query.radiusKm() == null ? text.get("results.chip.near")
                    : text.get("results.chip.nearRadius", Formats.count(Math.round(query.radiusKm()), text.language()));
            QueryLinks without = query.sort() == InstrumentQuery.Sort.DISTANCE
                    ? links.withoutAll("near", "radiusKm", "sort") : links.withoutAll("near", "radiusKm");
            out.add(new Chip(chip, without.href(), text.get("results.chip.remove", chip)));
        }
        return out;
    }

    private String valueLabel(String name, String raw, Map<Long, String> ownerNames) {
        return switch (name) {
            case "category" -> NationalCategory.resolve(raw).map(c -> labels.apply(name).apply(c.code())).orElse(raw);
            case "district", "region" -> labels.apply("district").apply(raw);
            case "ownerId" -> {
                try {
                    yield ownerNames.getOrDefault(Long.parseLong(raw), "#" + raw);
                } catch (NumberFormatException e) {
                    yield raw;
                }
            }
            case "country" -> Formats.country(raw, text);
            default -> label(name, normalise(name, raw), labels.apply(name).apply(normalise(name, raw)));
        };
    }

    private String label(String facet, String key, String label) {
        return SearchResult.FACET_COUNTRY.equals(facet) && key.equals(label) ? Formats.country(key, text) : label;
    }

    private QueryLinks remove(String name, String key) {
        QueryLinks out = links;
        for (String raw : links.values(name)) {
            if (normalise(name, raw).equals(normalise(name, key))) {
                out = out.without(name, raw);
            }
        }
        return out;
    }

    private List<String> selected(String facet) {
        return switch (facet) {
            case SearchResult.FACET_CATEGORY -> query.categories();
            case SearchResult.FACET_DISTRICT -> query.districts();
            case SearchResult.FACET_OWNER_KIND -> query.ownerKinds();
            case SearchResult.FACET_SHARING_MODE -> query.sharingModes();
            case SearchResult.FACET_VALUE_BAND -> query.valueBands();
            case SearchResult.FACET_COUNTRY -> query.countries();
            default -> List.of();
        };
    }

    /** The form a filter value takes in the parsed query. */
    private static String normalise(String facet, String value) {
        String v = value.strip();
        return switch (facet) {
            case SearchResult.FACET_CATEGORY -> NationalCategory.resolve(v).map(NationalCategory::code).orElse(v);
            case SearchResult.FACET_OWNER_KIND, SearchResult.FACET_SHARING_MODE, SearchResult.FACET_COUNTRY ->
                    v.toUpperCase(Locale.ROOT);
            default -> v;
        };
    }
}
