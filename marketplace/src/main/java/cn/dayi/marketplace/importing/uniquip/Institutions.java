package cn.dayi.marketplace.importing.uniquip;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Institutions the uniquip reader recognises by web domain or English name, with their Chinese
 * display name and region. A feed of another institution still imports: its owner then comes
 * from the {@code Institution Name} column, {@code --owner}, or the site name.
 */
final class Institutions {

    /**
     * A known institution.
     *
     * @param domain       registered domain; any host ending in it belongs to the institution
     * @param nameEn       English name
     * @param nameZh       Chinese name
     * @param districtCode region code of its seat
     */
    record Institution(String domain, String nameEn, String nameZh, String districtCode) {
    }

    static final List<Institution> KNOWN = List.of(
            new Institution("st-andrews.ac.uk", "University of St Andrews", "圣安德鲁斯大学", "GB-FIF"));

    private Institutions() {
    }

    /** The institution whose domain the host of {@code url} is in. */
    static Optional<Institution> byUrl(String url) {
        String host = host(url);
        if (host == null) {
            return Optional.empty();
        }
        return KNOWN.stream().filter(i -> host.equals(i.domain()) || host.endsWith("." + i.domain())).findFirst();
    }

    /** The institution with this English or Chinese name (case and spacing ignored). */
    static Optional<Institution> byName(String name) {
        String key = SiteGazetteer.key(name);
        return KNOWN.stream()
                .filter(i -> SiteGazetteer.key(i.nameEn()).equals(key) || SiteGazetteer.key(i.nameZh()).equals(key))
                .findFirst();
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        try {
            String host = URI.create(u).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
