package cn.dayi.operator.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Registrations;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An enterprise registers itself on the page (a mistyped credit code is caught and everything typed is kept),
 * then a platform admin finds it on the verification page, cannot reject it without a reason, and approves it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationPagesIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Registrations registrations;

    World w;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
    }

    @Test
    void anEnterpriseRegistersOnThePageAndAnAdminVerifiesIt() {
        String code = World.creditCode("91440300MA5FPAGE1");
        String typo = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        String body = "organisationName=" + enc("页面注册科技有限公司") + "&creditCode=" + typo + "&email=page-reg@dayi.test"
                + "&displayName=" + enc("王工") + "&password=page-register-pw1";
        HttpClientResponseException bad = fails(HttpRequest.POST("/register", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        String page = bad.getResponse().getBody(String.class).orElse("");
        assertTrue(page.contains("id=\"creditCode-error\""), "the credit code's own reason is shown");
        assertTrue(page.contains("页面注册科技有限公司") && page.contains("page-reg@dayi.test") && page.contains(typo),
                "everything typed is kept");
        assertFalse(page.contains("page-register-pw1"), "but not the password");
        assertTrue(registrations.pending().stream().noneMatch(p -> p.name().equals("页面注册科技有限公司")), "nothing saved");

        HttpResponse<String> done = http.toBlocking().exchange(HttpRequest.POST("/register", body.replace(typo, code))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(HttpStatus.CREATED, done.getStatus());
        assertTrue(done.body().contains("id=\"register-done\"") && done.body().contains("页面注册科技有限公司"));
        long org = registrations.pending().stream().filter(p -> p.creditCode().equals(code)).findFirst().orElseThrow()
                .organisationId();

        String list = http.toBlocking().retrieve(HttpRequest.GET("/admin/verifications").bearerAuth(w.admin)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(list.contains("id=\"pending-" + org + "\"") && list.contains(code) && list.contains("page-reg@dayi.test"));
        assertEquals(HttpStatus.FORBIDDEN, fails(HttpRequest.GET("/admin/verifications").bearerAuth(w.buyer)
                .accept(MediaType.TEXT_HTML_TYPE)).getStatus());

        HttpClientResponseException noReason = fails(HttpRequest.POST("/admin/verifications/" + org, "decision=reject&reason=")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE).bearerAuth(w.admin));
        assertTrue(noReason.getResponse().getBody(String.class).orElse("").contains("id=\"verification-error\""),
                "a rejection needs a reason, said on the page");
        assertEquals("PENDING", registrations.status(org).verification());

        HttpResponse<String> approved = http.toBlocking().exchange(HttpRequest.POST("/admin/verifications/" + org,
                "decision=approve").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .bearerAuth(w.admin), String.class);
        assertEquals(HttpStatus.SEE_OTHER, approved.getStatus());
        assertEquals("VERIFIED", registrations.status(org).verification());
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET("/admin/verifications").bearerAuth(w.admin)
                .accept(MediaType.TEXT_HTML_TYPE)).contains("id=\"pending-" + org + "\""), "no longer waiting");
    }

    private HttpClientResponseException fails(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the request to fail: " + request.getPath());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
