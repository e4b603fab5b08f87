package cn.dayi.app.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Steps the browser tests share: signing in on the page, setting up through the API, valid credit codes. */
final class BrowserSteps {

    private BrowserSteps() {
    }

    /** Signs in on {@code /sign-in} (Chinese labels) in a new page of {@code context}; returns it on {@code /account}. */
    static Page signIn(BrowserContext context, String email, String password) {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("电子邮箱").fill(email);
        page.getByLabel("密码").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL("**/account");
        return page;
    }

    /** Closes what a browser test started, in the order given (browser, Playwright, the platform …), skipping nulls. */
    static void close(AutoCloseable... started) throws Exception {
        for (AutoCloseable c : started) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Sends JSON to the platform's API at {@code base} with a bearer token; fails the test unless it answers 2xx. */
    static String api(String base, String token, String method, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** {@code first17} and its GB 32100-2015 check character (written out here, not taken from the code under test). */
    static String creditCode(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }
}
