package cn.dayi.operator.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An enterprise registers itself on the page (a mistyped credit code is caught and everything typed is kept),
 * then a platform admin finds it on the verification page, cannot reject it without a reason, and approves it;
 * the registrant uploads the business licence (wrong types and sizes refused, nothing kept), the admin opens it,
 * a rejection is answered with a better scan.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationPagesIT implements RealServices {

    /** The smallest valid PDF header and trailer: enough for type detection. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d494844520000000100000001"
            + "08060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082");

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

    @Test
    void theRegistrantUploadsTheLicenceTheAdminOpensItAndARejectionIsAnsweredWithABetterScan() throws Exception {
        String code = World.creditCode("91440300MA5FLKCE1");
        String email = "licence-reg@dayi.test";
        var reg = registrations.register(new Registrations.Registration("执照上传科技有限公司", code, null, email, "李工",
                "licence-register-pw1"));
        long org = reg.organisationId();
        String token = String.valueOf(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", email, "password", "licence-register-pw1")), Map.class).get("accessToken"));

        String account = page("/account", token);
        assertTrue(account.contains("id=\"standing-" + org + "\"") && account.contains("尚未上传营业执照"),
                "the account page says the licence is missing");
        String queue = page("/admin/verifications", w.admin);
        assertTrue(queue.contains("id=\"no-licence-" + org + "\""), "the admin sees that no licence is there yet");

        // a PNG renamed to .pdf, a Word file and an 11 MB scan: refused with their reasons, nothing kept
        assertEquals("FILE_TYPE_MISMATCH", pageUpload(token, org, "licence.pdf", PNG));
        assertEquals("FILE_TYPE_NOT_ALLOWED", pageUpload(token, org, "licence.docx", PDF));
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertEquals("FILE_TOO_LARGE", pageUpload(token, org, "scan.pdf", big));
        String afterErrors = page("/account?licenceError=FILE_TYPE_MISMATCH", token);
        assertTrue(afterErrors.contains("id=\"licence-error\"") && afterErrors.contains("文件内容与其扩展名不符"),
                "the page explains the refusal in words");
        assertTrue(page("/account", token).contains("尚未上传营业执照"), "nothing was kept from the refused uploads");

        // a real PDF through the page's form
        assertEquals("licence=uploaded", pageUpload(token, org, "营业执照.pdf", PDF));
        assertTrue(page("/account", token).contains("营业执照.pdf"), "the member sees the licence on file");
        assertTrue(page("/admin/verifications", w.admin).contains("id=\"licence-" + org + "\""));
        HttpResponse<byte[]> opened = http.toBlocking().exchange(HttpRequest.GET("/api/v1/organisations/" + org + "/licence")
                .bearerAuth(w.admin), byte[].class);
        assertArrayEquals(PDF, opened.body(), "the admin opens exactly the uploaded bytes");
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF)),
                opened.header("X-Content-SHA256"));
        assertEquals(HttpStatus.NOT_FOUND, fails(HttpRequest.GET("/api/v1/organisations/" + org + "/licence")
                .bearerAuth(w.buyer)).getStatus(), "another enterprise's member cannot open it");
        assertEquals(HttpStatus.NOT_FOUND, fails(HttpRequest.PUT("/api/v1/organisations/" + org + "/licence?name=x.pdf", PDF)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE).bearerAuth(w.buyer)).getStatus(),
                "nor upload for it");

        // rejected, the registrant sees why, uploads a clearer scan and is back in the queue
        decide(org, Map.of("approve", false, "reason", "营业执照模糊，无法辨认"));
        String rejected = page("/account", token);
        assertTrue(rejected.contains("营业执照模糊，无法辨认") && rejected.contains("已驳回"));
        assertEquals("licence=uploaded", pageUpload(token, org, "clear-scan.png", PNG));
        assertEquals("PENDING", registrations.status(org).verification(), "a new licence puts it back in the queue");
        assertTrue(page("/admin/verifications", w.admin).contains("clear-scan.png"), "the admin sees the latest licence");

        decide(org, Map.of("approve", true));
        assertEquals("ALREADY_VERIFIED", pageUpload(token, org, "again.pdf", PDF));
        assertFalse(page("/account", token).contains("id=\"standing-" + org + "\""), "a verified enterprise has no panel");
    }

    private void decide(long org, Map<String, Object> decision) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/organisations/" + org + "/verification", decision)
                .bearerAuth(w.admin));
    }

    private String page(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token).accept(MediaType.TEXT_HTML_TYPE));
    }

    /** Uploads through the account page's form; returns the query the page is sent back with (or the error code). */
    private String pageUpload(String token, long org, String name, byte[] bytes) {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/account/organisations/" + org + "/licence",
                        MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), String.class);
        assertEquals(HttpStatus.SEE_OTHER, r.getStatus());
        String location = r.header("Location");
        String query = location.substring(location.indexOf('?') + 1, location.indexOf('#'));
        return query.startsWith("licenceError=") ? query.substring("licenceError=".length()) : query;
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
