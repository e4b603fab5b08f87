package cn.dayi.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's headless Chromium for the browser tests (Playwright downloads no browser here):
 * {@code DAYI_CHROMIUM}, default {@code /usr/bin/chromium}, with the flags this closed network
 * needs, and contexts in which every request leaving the app is aborted, as on an offline CI.
 */
final class Chromium {

    private Chromium() {
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("DAYI_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A 1366 × 900 context at {@code base} in {@code locale} that reaches nothing but localhost. */
    static BrowserContext offline(Browser browser, String base, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 900).setLocale(locale).setBaseURL(base));
        context.route("**/*", route -> {
            if (route.request().url().startsWith("http://localhost:")) {
                route.resume();
            } else {
                route.abort(); // map tiles and anything else from outside
            }
        });
        return context;
    }
}
