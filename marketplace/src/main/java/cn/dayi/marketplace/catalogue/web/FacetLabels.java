package cn.dayi.marketplace.catalogue.web;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Ref;
import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Display names of facet keys in the reader's language: categories and districts from the
 * reference tables, the other facets from the {@code i18n/messages} bundle (key
 * {@code facet.<facet>.<key>}); an unknown key shows as itself.
 */
@Singleton
public class FacetLabels {

    private final CatalogueReader reader;
    private final MessageSource messages;
    private final Map<String, Ref> categories = new ConcurrentHashMap<>();
    private final Map<String, Ref> districts = new ConcurrentHashMap<>();

    public FacetLabels(CatalogueReader reader, MessageSource messages) {
        this.reader = reader;
        this.messages = messages;
    }

    /** facet name → (key → label) in {@code locale}. */
    public Function<String, Function<String, String>> in(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return facet -> key -> label(facet, key, english, locale);
    }

    private String label(String facet, String key, boolean english, Locale locale) {
        Ref ref = switch (facet) {
            case "category" -> cached(categories, key, true);
            case "district" -> cached(districts, key, false);
            default -> null;
        };
        if (ref != null) {
            return english ? ref.nameEn() : ref.name();
        }
        return messages.getMessage("facet." + facet + "." + key, locale).orElse(key);
    }

    private Ref cached(Map<String, Ref> cache, String key, boolean category) {
        if (cache.isEmpty()) {
            (category ? reader.categories() : reader.districts()).forEach(r -> cache.put(r.code(), r));
        }
        return cache.get(key);
    }
}
