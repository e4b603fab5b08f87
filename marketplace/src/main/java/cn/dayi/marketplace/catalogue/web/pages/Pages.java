package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Shared by the page controllers: the request's {@link PageText} and the model every view gets
 * ({@code chrome}: language, switch link, map tiles). Map tiles come from
 * {@code dayi.pages.map-tile-url} (default OpenStreetMap); they are the only thing a page loads
 * from outside the platform, and pages work without them.
 */
@Singleton
public class Pages {

    static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    private final MessageSource messages;
    private final String tileUrl;

    public Pages(MessageSource messages, @Value("${dayi.pages.map-tile-url:}") String tileUrl) {
        this.messages = messages;
        this.tileUrl = tileUrl == null || tileUrl.isBlank() ? DEFAULT_TILE_URL : tileUrl;
    }

    /** The bundle in the request's language ({@link LanguageResolver}). */
    public PageText text(HttpRequest<?> request) {
        return new PageText(messages, LanguageResolver.language(request));
    }

    /** A new model holding {@code chrome}, with {@code title} (already in the page language) as the page title. */
    Map<String, Object> model(HttpRequest<?> request, QueryLinks links, PageText text, String title, String section) {
        Language language = text.language();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome(language.htmlLang(), title, links.languageSwitch(language.other()),
                language.other().htmlLang(), section, tileUrl, text.get("map.attribution"), signedInAs(request)));
        return model;
    }

    /**
     * The model for a page of another feature at the request's path: {@code chrome} with the
     * language switch, and {@code text} is not included (views use {@code #{…}} message keys).
     */
    public Map<String, Object> model(HttpRequest<?> request, String title, String section) {
        return model(request, QueryLinks.of(request.getPath(), request.getParameters()), text(request), title, section);
    }

    /** Display name of the signed-in person (from the token), or null. */
    private static String signedInAs(HttpRequest<?> request) {
        return request.getUserPrincipal()
                .map(p -> p instanceof io.micronaut.security.authentication.Authentication a
                        && a.getAttributes().get("name") instanceof String name ? name : p.getName())
                .orElse(null);
    }
}
