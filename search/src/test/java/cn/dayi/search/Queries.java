package cn.dayi.search;

import cn.dayi.search.api.InstrumentQuery;
import java.util.List;

/** A fluent way to write {@link InstrumentQuery}s in tests. */
final class Queries {

    private String text;
    private List<String> categories;
    private List<String> regions;
    private List<String> districts;
    private List<Long> ownerIds;
    private List<String> ownerKinds;
    private List<String> sharingModes;
    private List<String> valueBands;
    private List<String> countries;
    private InstrumentQuery.GeoPoint near;
    private Double radiusKm;
    private InstrumentQuery.Sort sort = InstrumentQuery.Sort.RELEVANCE;
    private int page;
    private int size = 20;

    static Queries text(String text) {
        Queries q = new Queries();
        q.text = text;
        return q;
    }

    static Queries all() {
        return new Queries();
    }

    Queries categories(String... v) { categories = List.of(v); return this; }
    Queries regions(String... v) { regions = List.of(v); return this; }
    Queries districts(String... v) { districts = List.of(v); return this; }
    Queries ownerIds(Long... v) { ownerIds = List.of(v); return this; }
    Queries ownerKinds(String... v) { ownerKinds = List.of(v); return this; }
    Queries sharingModes(String... v) { sharingModes = List.of(v); return this; }
    Queries valueBands(String... v) { valueBands = List.of(v); return this; }
    Queries countries(String... v) { countries = List.of(v); return this; }
    Queries near(double lat, double lon) { near = new InstrumentQuery.GeoPoint(lat, lon); return this; }
    Queries radiusKm(double km) { radiusKm = km; return this; }
    Queries sort(InstrumentQuery.Sort s) { sort = s; return this; }
    Queries page(int p) { page = p; return this; }
    Queries size(int s) { size = s; return this; }

    InstrumentQuery build() {
        return new InstrumentQuery(text, categories, regions, districts, ownerIds, ownerKinds, sharingModes,
                valueBands, countries, near, radiusKm, sort, page, size);
    }
}
