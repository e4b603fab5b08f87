package cn.dayi.marketplace.catalogue.web.pages;

/**
 * One national category on the home page.
 *
 * @param code      category code, 01–15
 * @param name      name in the page language
 * @param count     instruments in it, or null when search is down
 * @param countText the count as the page shows it, e.g. "1,234 台", or null
 * @param href      its results page
 */
public record CategoryTile(String code, String name, Long count, String countText, String href) {
}
