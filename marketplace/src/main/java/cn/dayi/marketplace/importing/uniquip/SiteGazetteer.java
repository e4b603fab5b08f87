package cn.dayi.marketplace.importing.uniquip;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a uniquip site is: region code and the coordinates of the site's centroid, for the few
 * sites the catalogue knows. Looked up by the {@code Site Location} text or, failing that, by the
 * Wikipedia page in the {@code Location} column ({@code https://en.wikipedia.org/wiki/St_Andrews}).
 * Unknown sites get neither region nor coordinates. The region codes must exist in the
 * {@code region} table ({@code V1__catalogue.sql}).
 */
final class SiteGazetteer {

    /**
     * A known site.
     *
     * @param districtCode region code at DISTRICT level
     * @param lat          WGS 84 latitude of the site centroid
     * @param lon          WGS 84 longitude of the site centroid
     */
    record Site(String districtCode, double lat, double lon) {
    }

    private static final Site ST_ANDREWS = new Site("GB-FIF", 56.3398, -2.7967);

    /** Keys are names in {@link #key} form. */
    private static final Map<String, Site> SITES = Map.of(
            "standrews", ST_ANDREWS,
            "standrewsfife", ST_ANDREWS,
            "northhaugh", ST_ANDREWS);

    private static final Pattern SAINT = Pattern.compile("\\bsaint\\b");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

    private SiteGazetteer() {
    }

    /** The site named {@code siteLocation}, else the one {@code locationUrl} points to. */
    static Optional<Site> find(String siteLocation, String locationUrl) {
        Site site = siteLocation == null ? null : SITES.get(key(siteLocation));
        if (site == null && locationUrl != null) {
            site = SITES.get(key(wikipediaTitle(locationUrl)));
        }
        return Optional.ofNullable(site);
    }

    /** Lower case, letters and digits only, "saint" → "st": {@code "St. Andrews"} → {@code standrews}. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = SAINT.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("st");
        return NOT_LETTER_OR_DIGIT.matcher(s).replaceAll("");
    }

    private static String wikipediaTitle(String url) {
        try {
            URI uri = URI.create(url.strip());
            String path = uri.getPath();
            if (uri.getHost() == null || !uri.getHost().endsWith("wikipedia.org") || path == null
                    || !path.startsWith("/wiki/")) {
                return "";
            }
            return URLDecoder.decode(path.substring("/wiki/".length()), StandardCharsets.UTF_8).replace('_', ' ');
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
