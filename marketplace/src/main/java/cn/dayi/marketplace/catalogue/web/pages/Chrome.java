package cn.dayi.marketplace.catalogue.web.pages;

/**
 * What the layout shows around every page.
 *
 * @param htmlLang    value of {@code <html lang>}: {@code zh-CN} or {@code en}
 * @param title       the page's own title (the layout appends the site name)
 * @param switchHref  the same page in the other language ({@code ?lang=…})
 * @param switchLang  BCP 47 tag of the other language, for {@code hreflang}/{@code lang} on the link
 * @param section     {@code home} or {@code search}, to mark the current navigation item
 * @param tileUrl     map tile URL template ({@code {z}/{x}/{y}}); tiles need internet, markers do not
 * @param attribution map data attribution shown on maps
 * @param signedInAs  display name of the signed-in person, or null (the header then offers "sign in")
 */
public record Chrome(String htmlLang, String title, String switchHref, String switchLang, String section,
                     String tileUrl, String attribution, String signedInAs) {
}
