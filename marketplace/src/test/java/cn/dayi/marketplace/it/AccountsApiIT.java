package cn.dayi.marketplace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import io.micronaut.core.type.Argument;
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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounts over HTTP against the real database: the first admin from configuration, bearer tokens,
 * throttled sign-in, the admin API for organisations and people, authorisation by organisation,
 * the authenticated import upload and the cookie session of the pages.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsApiIT implements RealServices {

    static final String ADMIN = "admin@dayi.test";
    static final String ADMIN_PASSWORD = "first-admin-password";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestServices.isolatedMicronautProperties());
        p.put("dayi.accounts.first-admin.email", ADMIN);
        p.put("dayi.accounts.first-admin.password", ADMIN_PASSWORD);
        p.put("micronaut.http.client.follow-redirects", "false"); // to see the sign-in page's 303 and cookie
        return p;
    }

    @SuppressWarnings("unchecked")
    private String token(String email, String password) {
        Map<String, Object> body = http.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/auth/token", Map.of("email", email, "password", password)), Map.class);
        assertEquals("Bearer", body.get("tokenType"));
        return (String) body.get("accessToken");
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    private static String body(HttpClientResponseException e) {
        return e.getResponse().getBody(String.class).orElse("");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String token, String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstAdminSignsInAndSeesTheirRole() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> me = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), Map.class);
        assertEquals(ADMIN, me.get("email"));
        List<Map<String, Object>> memberships = (List<Map<String, Object>>) me.get("memberships");
        assertEquals("PLATFORM_ADMIN", memberships.get(0).get("role"));
        assertEquals("AUTHORITY", memberships.get(0).get("organisationKind"));
    }

    @Test
    void withoutATokenProtectedEndpointsAnswer401ProblemJsonWhilePublicOnesStayOpen() {
        HttpClientResponseException e = error(HttpRequest.GET("/api/v1/me"));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertTrue(body(e).contains("\"code\":\"UNAUTHORIZED\""), body(e));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/instruments?size=1"), String.class).getStatus());
        HttpClientResponseException forged = error(HttpRequest.GET("/api/v1/me").bearerAuth("eyJhbGciOiJIUzI1NiJ9.e30.forged"));
        assertEquals(HttpStatus.UNAUTHORIZED, forged.getStatus());
    }

    @Test
    void wrongPasswordsAreRefusedAlikeAndThenThrottled() {
        String email = "victim@dayi.test";
        String admin = token(ADMIN, ADMIN_PASSWORD);
        long org = ((Number) post(admin, "/api/v1/admin/organisations",
                Map.of("nameZh", "被攻击大学", "kind", "UNIVERSITY")).get("id")).longValue();
        post(admin, "/api/v1/admin/people", Map.of("email", email, "displayName", "V", "password", "correct-horse-battery",
                "organisationId", org, "role", "OWNER_ADMIN"));
        HttpClientResponseException unknown = error(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", "nobody@dayi.test", "password", "whatever-password")));
        HttpClientResponseException wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = error(HttpRequest.POST("/api/v1/auth/token", Map.of("email", email, "password", "wrong-password-" + i)));
            assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        }
        assertEquals(HttpStatus.UNAUTHORIZED, unknown.getStatus());
        assertTrue(body(unknown).contains("BAD_CREDENTIALS") && body(wrong).contains("BAD_CREDENTIALS"),
                "same answer for an unknown e-mail and a wrong password");
        HttpClientResponseException throttled = error(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", email, "password", "correct-horse-battery")));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, throttled.getStatus(), "even the right password waits");
        assertTrue(body(throttled).contains("SIGN_IN_THROTTLED"), body(throttled));
        long retryAfter = Long.parseLong(throttled.getResponse().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After within the 15-minute window: " + retryAfter);
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminsCreateOrganisationsAndPeopleWithRolesThatFitTheOrganisation() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> operator = post(admin, "/api/v1/admin/organisations",
                Map.of("nameZh", "深圳计量质量检测研究院服务中心", "kind", "OPERATOR", "regionCode", "440305"));
        long operatorId = ((Number) operator.get("id")).longValue();
        Map<String, Object> manager = post(admin, "/api/v1/admin/people", Map.of("email", "Manager@Operator.test",
                "displayName", "王经理", "password", "manager-password", "organisationId", operatorId,
                "role", "OPERATOR_MANAGER"));
        assertEquals("manager@operator.test", manager.get("email"), "e-mail is the lower-case sign-in name");

        // the manager signs in and adds a technician to their own operator
        String managerToken = token("manager@operator.test", "manager-password");
        Map<String, Object> tech = post(managerToken, "/api/v1/admin/people", Map.of("email", "tech@operator.test",
                "displayName", "李工", "password", "technician-pw", "organisationId", operatorId,
                "role", "OPERATOR_TECHNICIAN"));
        assertNotNull(tech.get("id"));

        // ... but may not make anyone a platform admin, nor list organisations
        HttpClientResponseException escalate = error(HttpRequest.POST("/api/v1/admin/people/" + tech.get("id") + "/memberships",
                Map.of("organisationId", operatorId, "role", "PLATFORM_ADMIN")).bearerAuth(managerToken));
        assertEquals(HttpStatus.FORBIDDEN, escalate.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, error(HttpRequest.GET("/api/v1/admin/organisations").bearerAuth(managerToken)).getStatus());

        // a role that does not fit the organisation's kind
        HttpClientResponseException misfit = error(HttpRequest.POST("/api/v1/admin/people/" + tech.get("id") + "/memberships",
                Map.of("organisationId", operatorId, "role", "OWNER_ADMIN")).bearerAuth(admin));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, misfit.getStatus());
        assertTrue(body(misfit).contains("ROLE_NOT_FOR_ORGANISATION_KIND"), body(misfit));

        // the same e-mail twice
        HttpClientResponseException taken = error(HttpRequest.POST("/api/v1/admin/people", Map.of("email", "TECH@operator.test",
                "displayName", "x", "password", "another-password", "organisationId", operatorId,
                "role", "OPERATOR_TECHNICIAN")).bearerAuth(admin));
        assertEquals(HttpStatus.CONFLICT, taken.getStatus());
        assertTrue(body(taken).contains("EMAIL_TAKEN"));

        List<Map> staff = http.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/admin/organisations/" + operatorId + "/people").bearerAuth(managerToken),
                Argument.listOf(Map.class));
        assertEquals(2, staff.size());
    }

    @Test
    void aPersonChangesTheirPasswordAndTheOldOneStopsWorking() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        long org = ((Number) post(admin, "/api/v1/admin/organisations",
                Map.of("nameZh", "改密测试大学", "kind", "UNIVERSITY")).get("id")).longValue();
        post(admin, "/api/v1/admin/people", Map.of("email", "changer@dayi.test", "displayName", "C",
                "password", "old-password-1", "organisationId", org, "role", "OWNER_ADMIN"));
        String token = token("changer@dayi.test", "old-password-1");
        String otherDevice = token("changer@dayi.test", "old-password-1");
        HttpClientResponseException wrong = error(HttpRequest.POST("/api/v1/me/password",
                Map.of("currentPassword", "nope", "newPassword", "new-password-2")).bearerAuth(token));
        assertEquals(HttpStatus.BAD_REQUEST, wrong.getStatus());
        assertTrue(body(wrong).contains("CURRENT_PASSWORD_WRONG"));
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.POST("/api/v1/me/password",
                Map.of("currentPassword", "old-password-1", "newPassword", "new-password-2")).bearerAuth(token)).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", "changer@dayi.test", "password", "old-password-1"))).getStatus());
        String fresh = token("changer@dayi.test", "new-password-2");
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.GET("/api/v1/me").bearerAuth(otherDevice)).getStatus(),
                "a session opened with the old password ends when the password changes");
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.GET("/api/v1/me").bearerAuth(token)).getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(fresh)).getStatus());
    }

    @Test
    void changingThePasswordOnTheAccountPageKeepsThisSessionAndEndsTheOthers() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        long org = ((Number) post(admin, "/api/v1/admin/organisations",
                Map.of("nameZh", "改密页面测试大学", "kind", "UNIVERSITY")).get("id")).longValue();
        post(admin, "/api/v1/admin/people", Map.of("email", "page-changer@dayi.test", "displayName", "P",
                "password", "old-password-1", "organisationId", org, "role", "OWNER_ADMIN"));
        String cookie = signInCookie("page-changer@dayi.test", "old-password-1");
        String otherDevice = token("page-changer@dayi.test", "old-password-1");
        HttpResponse<String> changed = http.toBlocking().exchange(HttpRequest.POST("/account/password",
                "currentPassword=old-password-1&newPassword=new-password-2")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Cookie", "dayi_session=" + cookie), String.class);
        assertEquals(HttpStatus.SEE_OTHER, changed.getStatus());
        String setCookie = changed.header("Set-Cookie");
        assertNotNull(setCookie, "a fresh session cookie");
        String renewed = setCookie.substring("dayi_session=".length(), setCookie.indexOf(';'));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/me")
                .header("Cookie", "dayi_session=" + renewed), String.class).getStatus(), "this browser stays signed in");
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.GET("/api/v1/me").header("Cookie", "dayi_session=" + cookie))
                .getStatus(), "the old cookie no longer works");
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.GET("/api/v1/me").bearerAuth(otherDevice)).getStatus(),
                "the other device is signed out");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeactivatedPersonsTokenStopsWorkingAtOnce() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        long org = ((Number) post(admin, "/api/v1/admin/organisations",
                Map.of("nameZh", "离职测试大学", "kind", "UNIVERSITY")).get("id")).longValue();
        Map<String, Object> leaver = post(admin, "/api/v1/admin/people", Map.of("email", "leaver@dayi.test",
                "displayName", "L", "password", "leaver-password", "organisationId", org, "role", "OWNER_ADMIN"));
        String token = token("leaver@dayi.test", "leaver-password");
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)).getStatus());
        Map<String, Object> off = http.toBlocking().retrieve(HttpRequest.PUT("/api/v1/admin/people/" + leaver.get("id")
                + "/active", Map.of("active", false)).bearerAuth(admin), Map.class);
        assertEquals(false, off.get("active"));
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.GET("/api/v1/me").bearerAuth(token)).getStatus(),
                "the token issued before stops working");
        assertEquals(HttpStatus.UNAUTHORIZED, error(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", "leaver@dayi.test", "password", "leaver-password"))).getStatus());
    }

    @Test
    void adminPagesCreateAnOrganisationAndOpenAnAccountWithAFittingRole() {
        String cookie = signInCookie(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> created = http.toBlocking().exchange(HttpRequest.POST("/admin/organisations",
                "nameZh=页面创建的服务机构&nameEn=Page-made+operator&kind=OPERATOR&regionCode=440305")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", cookie)), String.class);
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus());
        String orgPage = created.header("Location");
        String page = http.toBlocking().retrieve(HttpRequest.GET(orgPage).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", cookie)), String.class);
        assertTrue(page.contains("页面创建的服务机构") && page.contains("value=\"OPERATOR_MANAGER\""), "operator roles offered");
        assertFalse(page.contains("value=\"OWNER_ADMIN\""), "roles that do not fit an operator are not offered");
        HttpClientResponseException bad = error(HttpRequest.POST(orgPage + "/people",
                "email=x%40y.test&displayName=X&password=short&role=OPERATOR_MANAGER")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", cookie)));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(body(bad).contains("person-error") && body(bad).contains("x@y.test"), "reason shown, e-mail kept");
    }

    private String signInCookie(String email, String password) {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/sign-in",
                "email=" + email + "&password=" + password).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring("dayi_session=".length(), setCookie.indexOf(';'));
    }

    @Test
    void badPeopleInputIsReportedFieldByFieldAndNothingIsSaved() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/admin/people",
                Map.of("email", "not-an-email", "displayName", "x", "password", "short")).bearerAuth(admin));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(body(e).contains("EMAIL_INVALID") && body(e).contains("PASSWORD_TOO_SHORT"), body(e));
        HttpClientResponseException none = error(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", "not-an-email", "password", "short")));
        assertEquals(HttpStatus.UNAUTHORIZED, none.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyPlatformAdminsUploadCatalogues() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        String csv = Csv.DAYI_HEADER
                + "UP-1,场发射扫描电子显微镜,Sigma 300,Zeiss,德国,3200000,2019-05-01,地方财政资金,上传测试大学,高校,南山区,22.53,113.93,01,分辨率 1.2 nm,外部共享\n"
                + "UP-2,坏行,,,,,,,,,,999,999,,,\n";
        MultipartBody multipart = MultipartBody.builder()
                .addPart("format", "dayi-csv")
                .addPart("file", "upload.csv", MediaType.TEXT_CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8))
                .build();
        Map<String, Object> report = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/imports", multipart)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(admin), Map.class);
        assertEquals(1, ((Number) report.get("inserted")).intValue());
        List<Map<String, Object>> invalid = (List<Map<String, Object>>) report.get("invalid");
        assertFalse(invalid.isEmpty());
        assertEquals(3, ((Number) invalid.get(0).get("row")).intValue(), "the bad row is named by its line");

        HttpClientResponseException anonymous = error(HttpRequest.POST("/api/v1/admin/imports", multipart)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());

        MultipartBody noFormat = MultipartBody.builder()
                .addPart("file", "upload.csv", MediaType.TEXT_CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8)).build();
        HttpClientResponseException unknown = error(HttpRequest.POST("/api/v1/admin/imports", noFormat)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(admin));
        assertEquals(HttpStatus.BAD_REQUEST, unknown.getStatus());
        assertTrue(body(unknown).contains("UNKNOWN_FORMAT"));
    }

    @Test
    void theSignInPageSetsAnHttpOnlySessionCookieAndTheAccountPageShowsTheRoles() {
        HttpResponse<String> signedIn = http.toBlocking().exchange(HttpRequest.POST("/sign-in",
                "email=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&next=/account")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertEquals(HttpStatus.SEE_OTHER, signedIn.getStatus());
        assertEquals("/account", signedIn.header("Location"));
        String setCookie = signedIn.header("Set-Cookie");
        assertTrue(setCookie.startsWith("dayi_session=") && setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly")
                && setCookie.contains("SameSite=Lax"), setCookie);
        String token = setCookie.substring("dayi_session=".length(), setCookie.indexOf(';'));
        String page = http.toBlocking().retrieve(HttpRequest.GET("/account")
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", token))
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(page.contains("Platform admin") || page.contains("平台管理员"), "role shown");

        HttpClientResponseException failed = error(HttpRequest.POST("/sign-in",
                "email=" + ADMIN + "&password=nope&next=https://evil.example/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.UNAUTHORIZED, failed.getStatus());
        assertTrue(body(failed).contains(ADMIN), "the e-mail is kept in the form");
        assertFalse(body(failed).contains("evil.example"), "no open redirect");
    }
}
