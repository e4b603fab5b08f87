package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.InstrumentDetail.Money;
import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.SearchResult.Hit;
import cn.dayi.search.api.SearchResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The result list and its map markers. Fields ending in {@code Html} are highlight fragments
 * (escaped text with {@code <em>} around matches, checked by {@link Highlights}) or null, in which
 * case the page shows the plain field.
 */
public final class ResultItems {

    /**
     * One result.
     *
     * @param href         its detail page
     * @param nameEn       English name, shown on English pages when it differs from {@code name}
     * @param value        original value with unit, or null
     * @param distance     "3.2 km" from {@code near}, or null
     * @param snippetHtml  matching excerpts of the technical parameters, or null
     * @param markerNumber its number on the map (1-based), or null without coordinates
     * @param price        "自 271.43 元/小时起" (COMMERCIAL, from the index), or null without a published price
     */
    public record Item(long id, String code, String href, String name, String nameHtml, String nameEn, String model,
                String modelHtml, String manufacturer, String manufacturerHtml, String owner, String ownerHtml,
                String category, String district, String value, String sharingMode, String sharingModeKey,
                String distance, String snippetHtml, Integer markerNumber, String price) {
    }

    /** A map marker: WGS 84 position, popup title, link and one line of detail; serialised for map.js. */
    @Serdeable
    public record Marker(double lat, double lon, String name, String href, String detail, int number) {
    }

    private ResultItems() {
    }

    static List<Item> items(SearchResult result, PageText text, Function<String, Function<String, String>> labels) {
        List<Item> out = new ArrayList<>();
        int marker = 0;
        for (Hit h : result.items()) {
            InstrumentDocument d = h.document();
            Integer number = d.lat() != null && d.lon() != null ? ++marker : null;
            out.add(item(h, d, number, text, labels));
        }
        return out;
    }

    static List<Marker> markers(List<Item> items, SearchResult result) {
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            InstrumentDocument d = result.items().get(i).document();
            if (it.markerNumber() != null) {
                String detail = String.join(" · ", List.of(nz(it.model()), nz(it.owner())).stream()
                        .filter(s -> !s.isEmpty()).toList());
                out.add(new Marker(d.lat(), d.lon(), it.name(), it.href(), detail, it.markerNumber()));
            }
        }
        return out;
    }

    private static Item item(Hit h, InstrumentDocument d, Integer number, PageText text,
                             Function<String, Function<String, String>> labels) {
        Language language = text.language();
        String nameEn = language == Language.EN && d.nameEn() != null && !d.nameEn().isBlank()
                && !d.nameEn().equals(d.name()) ? d.nameEn() : null;
        String value = d.originalValueFen() == null ? null : Formats.money(
                new Money(d.originalValueFen(), d.currency()), text);
        String distance = h.distanceKm() == null ? null : text.get("results.distance", Formats.km(h.distanceKm(), language));
        return new Item(d.id(), d.code(), "/instruments/" + d.code(), d.name(), Highlights.first(h.highlights(), "name"),
                nameEn, d.model(), Highlights.first(h.highlights(), "model"), d.manufacturer(),
                Highlights.first(h.highlights(), "manufacturer"), d.ownerName(),
                Highlights.first(h.highlights(), "ownerName"),
                d.categoryCode() == null ? null : labels.apply(SearchResult.FACET_CATEGORY).apply(d.categoryCode()),
                d.districtCode() == null ? null : labels.apply(SearchResult.FACET_DISTRICT).apply(d.districtCode()),
                value,
                d.sharingMode() == null ? null : labels.apply(SearchResult.FACET_SHARING_MODE).apply(d.sharingMode()),
                d.sharingMode(), distance, Highlights.joined(h.highlights(), "technicalParameters"), number,
                price(d, text));
    }

    private static String price(InstrumentDocument d, PageText text) {
        if (d.priceFromFen() == null || d.priceUnit() == null) {
            return null;
        }
        try {
            return PriceText.from(d.priceFromFen(), cn.dayi.pricing.tariff.ChargeUnit.valueOf(d.priceUnit()), text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
