package cn.dayi.marketplace.catalogue.web.pages;

import java.util.List;
import java.util.Map;

/**
 * Search highlights as HTML fragments for {@code th:utext}. The search module HTML-escapes the
 * text and marks matches with {@code <em>}; as a second line of defence a fragment is used only
 * when nothing but {@code <em>}/{@code </em>} looks like markup, otherwise the plain text shows.
 */
final class Highlights {

    private Highlights() {
    }

    /** The first safe fragment of {@code field}, or null. */
    static String first(Map<String, List<String>> highlights, String field) {
        List<String> fragments = highlights == null ? null : highlights.get(field);
        if (fragments == null) {
            return null;
        }
        return fragments.stream().filter(Highlights::safe).findFirst().orElse(null);
    }

    /** Safe fragments of {@code field} joined with " … ", or null when there are none. */
    static String joined(Map<String, List<String>> highlights, String field) {
        List<String> fragments = highlights == null ? null : highlights.get(field);
        if (fragments == null) {
            return null;
        }
        List<String> safe = fragments.stream().filter(Highlights::safe).toList();
        return safe.isEmpty() ? null : String.join(" … ", safe);
    }

    static boolean safe(String fragment) {
        if (fragment == null) {
            return false;
        }
        String rest = fragment.replace("<em>", "").replace("</em>", "");
        return rest.indexOf('<') < 0 && rest.indexOf('>') < 0;
    }
}
