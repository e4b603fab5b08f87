package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.search.api.InstrumentQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Page links under the results: previous, next, the first and last page and two either side of
 * the current one, with gaps between. Pages are 0-based in URLs and 1-based on screen; paging
 * stops at {@link InstrumentQuery#MAX_WINDOW} results.
 *
 * @param rangeText "1–20 / 1,234" in the page language
 * @param prevHref  previous page, or null on the first
 * @param nextHref  next page, or null on the last
 * @param links     numbered links; a link with a null href is a gap
 */
public record Paging(String rangeText, String prevHref, String nextHref, List<Link> links) {

    /** One numbered page link; {@code current} marks the page shown. */
    public record Link(String label, String href, boolean current, String ariaLabel) {
    }

    static Paging of(long total, int page, int size, QueryLinks links, PageText text) {
        Language language = text.language();
        long reachable = Math.min(total, InstrumentQuery.MAX_WINDOW);
        int last = reachable == 0 ? 0 : (int) ((reachable - 1) / size);
        long from = total == 0 ? 0 : (long) page * size + 1;
        long to = Math.min(total, (long) (page + 1) * size);
        String range = from > to ? text.count("results.count", total)
                : text.get("results.range", Formats.count(from, language), Formats.count(to, language),
                        Formats.count(total, language));
        List<Link> out = new ArrayList<>();
        int previous = -1;
        for (int p = 0; p <= last; p++) {
            if (p == 0 || p == last || Math.abs(p - page) <= 2) {
                if (previous >= 0 && p - previous > 1) {
                    out.add(new Link("…", null, false, null));
                }
                String number = Formats.count(p + 1, language);
                out.add(new Link(number, links.page(p).href(), p == page,
                        text.get(p == page ? "results.paging.current" : "results.paging.page", number)));
                previous = p;
            }
        }
        return new Paging(range, page > 0 ? links.page(Math.min(page, last + 1) - 1).href() : null,
                page < last ? links.page(page + 1).href() : null, last == 0 ? List.of() : out);
    }
}
