package cn.dayi.operator.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.MailOutbox;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notifications end to end against a real SMTP server (GreenMail): order moves reach the right people
 * by mail (with ICS for machine time) and in their inbox, in the transaction of the move; failed
 * deliveries are retried with backoff; invitations with one-time links; verification decisions.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationIT implements RealServices {

    private static final int SMTP_PORT = freePort();
    private GreenMail smtp = startSmtp();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;
    @Inject
    MailOutbox outbox;
    @Inject
    Jdbc jdbc;

    World w;
    String instrument;
    final AtomicInteger slot = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(RealServices.super.getProperties());
        p.put("dayi.mail.smtp-host", "127.0.0.1");
        p.put("dayi.mail.smtp-port", Integer.toString(SMTP_PORT));
        p.put("dayi.mail.from", "Dayi <noreply@dayi.test>");
        p.put("dayi.mail.base-url", "http://dayi.test");
        p.put("dayi.mail.poll-interval", "1h"); // the test delivers the outbox itself
        p.put("dayi.mail.initial-delay", "1h");
        return p;
    }

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        instrument = w.instrumentsB.get(0);
        long id = post(w.managerX, "/api/v1/operators/" + w.operatorX + "/entrustments", proposal());
        post(w.managerX, "/api/v1/entrustments/" + id + "/propose", Map.of());
        post(w.ownerAdminB, "/api/v1/entrustments/" + id + "/accept", Map.of());
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/instruments/" + instrument + "/cost", Map.of("inputs",
                Map.of("originalValueFen", 400_000_000L, "residualRateBp", 500, "usefulLifeYears", 10))).bearerAuth(w.managerX));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + instrument + "/tariffs", Map.of("code", "N-HOUR",
                "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000)).bearerAuth(w.managerX));
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/instruments/" + instrument + "/booking-rules", Map.of(
                "slotMinutes", 30, "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly)).bearerAuth(w.managerX));
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        outbox.deliverDue(Instant.now().plusSeconds(86_400)); // what earlier tests left
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @Test
    void everyOrderMoveReachesTheOtherSideByMailWithCalendarAndInTheInbox() throws Exception {
        long order = book();
        assertTrue(outbox.deliverDue(Instant.now()) >= 4, "operator staff (3) and the booker get the new order");
        MimeMessage toManager = only(w.email("manager-x"));
        assertTrue(toManager.getSubject().contains("#" + order), toManager.getSubject());
        assertTrue(toManager.getSubject().contains("待受理") && toManager.getSubject().contains("submitted"),
                "subject zh-CN and English: " + toManager.getSubject());
        String body = text(toManager);
        String code = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1),
                Long.parseLong(instrument))).orElseThrow();
        assertTrue(body.contains(code), "body names the instrument code: " + body);
        assertTrue(body.contains("服务机构") && body.contains("Operator:") && body.contains("北京时间"), body);
        assertTrue(body.contains("新的机时预约订单已提交") && body.contains("A new Machine-time booking order"), body);
        String ics = calendar(toManager);
        assertTrue(ics.contains("METHOD:REQUEST"), ics);
        assertTrue(ics.contains("UID:order-" + order + "@dayi"), ics);
        assertTrue(ics.contains("STATUS:TENTATIVE"), ics);
        assertTrue(ics.contains("LOCATION:") && ics.contains(code), ics);
        assertEquals(1, received(w.email("buyer")).size(), "the booker gets a receipt");
        assertEquals(0, received(w.email("manager-y")).size(), "another operator hears nothing");

        Map<String, Object> inbox = get(w.managerX, "/api/v1/me/notifications");
        long unread = ((Number) inbox.get("unread")).longValue();
        assertTrue(unread >= 1);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) inbox.get("items")).get(0);
        assertTrue(((String) first.get("subject")).contains("#" + order), first.toString());
        assertFalse((Boolean) first.get("read"));
        Map<String, Object> english = get(w.managerX, "/api/v1/me/notifications?lang=en");
        assertTrue(((String) ((Map<?, ?>) ((List<?>) english.get("items")).get(0)).get("subject")).contains("submitted"));

        // the operator accepts: the buyer's members hear of it, the operator (who acted) does not
        smtp.purgeEmailFromAllMailboxes();
        post(w.technicianX, "/api/v1/orders/" + order + "/accept", Map.of());
        outbox.deliverDue(Instant.now());
        MimeMessage accepted = only(w.email("buyer"));
        assertTrue(accepted.getSubject().contains("待付款"), accepted.getSubject());
        assertTrue(text(accepted).contains("服务机构已受理订单"), text(accepted));
        assertEquals(0, received(w.email("tech-x")).size());
        assertEquals(0, received(w.email("manager-x")).size());

        // the buyer cancels: the operator's staff get a CANCEL for the calendar entry
        smtp.purgeEmailFromAllMailboxes();
        post(w.buyer, "/api/v1/orders/" + order + "/cancel", Map.of());
        outbox.deliverDue(Instant.now());
        String cancel = calendar(only(w.email("manager-x")));
        assertTrue(cancel.contains("METHOD:CANCEL") && cancel.contains("UID:order-" + order + "@dayi")
                && cancel.contains("STATUS:CANCELLED"), cancel);

        // mark read: one, then all
        long id = ((Number) first.get("id")).longValue();
        long unreadNow = ((Number) get(w.managerX, "/api/v1/me/notifications").get("unread")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/me/notifications/" + id + "/read", Map.of()).bearerAuth(w.managerX));
        assertEquals(unreadNow - 1, ((Number) get(w.managerX, "/api/v1/me/notifications").get("unread")).longValue());
        assertEquals(404, status(HttpRequest.POST("/api/v1/me/notifications/" + id + "/read", Map.of()).bearerAuth(w.buyer)),
                "someone else's notification");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/me/notifications/read-all", Map.of()).bearerAuth(w.managerX));
        assertEquals(0L, ((Number) get(w.managerX, "/api/v1/me/notifications").get("unread")).longValue());
    }

    @Test
    void theHeaderShowsTheUnreadCountAndTheInboxPageListsThem() {
        long order = book();
        String account = html(w.managerX, "/account");
        assertTrue(account.contains("id=\"inbox-link\"") && account.contains("id=\"inbox-count\""), "header link + count");
        String inbox = html(w.managerX, "/inbox");
        assertTrue(inbox.contains("#" + order), "the inbox page lists the new order");
        assertTrue(inbox.contains("read-all-form"));
        assertFalse(html(null, "/").contains("id=\"inbox-link\""), "no inbox link for anonymous visitors");
    }

    @Test
    void aMoveThatRollsBackTellsNobody() {
        long a = book();
        long b = book();
        post(w.managerX, "/api/v1/orders/" + a + "/accept", Map.of());
        post(w.managerX, "/api/v1/orders/" + b + "/accept", Map.of());
        post(w.financeX, "/api/v1/orders/" + a + "/bank-transfer", Map.of("amountFen", total(a), "reference", "NT-" + a));
        long before = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE order_id = ?", b));
        long mailsBefore = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM mail_outbox"));
        // the same bank reference again: the payment row fails on its key after the move was written → all rolled back
        assertEquals(409, status(HttpRequest.POST("/api/v1/orders/" + b + "/bank-transfer", Map.of("amountFen", total(b),
                "reference", "NT-" + a)).bearerAuth(w.financeX)));
        assertEquals(before, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE order_id = ?", b)));
        assertEquals(mailsBefore, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM mail_outbox")));
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffAndThenSent() throws Exception {
        smtp.stop();
        long order = book();
        Instant now = Instant.now();
        assertEquals(0, outbox.deliverDue(now), "the SMTP server is down");
        Map<String, Object> row = jdbc.read(c -> Jdbc.one(c, "SELECT attempts, next_attempt_at, last_error FROM mail_outbox "
                + "WHERE dedupe_key LIKE ? AND sent_at IS NULL ORDER BY id LIMIT 1", rs -> Map.<String, Object>of("attempts", rs.getInt(1),
                "next", Jdbc.instant(rs, "next_attempt_at"), "error", rs.getString(3)), "order-event:%")
                .orElseThrow());
        long failed = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts = 1"));
        assertTrue(failed >= 4, "each mail counted one failed attempt");
        Instant next = jdbc.read(c -> Jdbc.one(c, "SELECT MIN(next_attempt_at) FROM mail_outbox WHERE sent_at IS NULL",
                rs -> Jdbc.instant(rs, "MIN(next_attempt_at)")).orElseThrow());
        assertTrue(!next.isBefore(now.plusSeconds(59)) && next.isBefore(now.plusSeconds(61)), "retry after 1 minute: " + next);
        assertTrue(row.get("error") != null);
        assertEquals(0, outbox.deliverDue(now.plusSeconds(30)), "not due yet");
        smtp = startSmtp();
        assertTrue(outbox.deliverDue(now.plusSeconds(61)) >= 4, "sent once the server is back");
        assertTrue(text(only(w.email("manager-x"))).contains("#" + order));
        assertEquals(0L, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")));
        assertTrue(order > 0);
    }

    @Test
    void theBuyerDownloadsTheCalendarFileOfABooking() {
        long order = book();
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/api/v1/orders/" + order + "/calendar.ics")
                .bearerAuth(w.buyer), String.class);
        String ics = r.body();
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/calendar"));
        assertTrue(ics.contains("BEGIN:VCALENDAR") && ics.contains("UID:order-" + order + "@dayi")
                && ics.contains("METHOD:PUBLISH") && ics.contains("DTSTART"), ics);
        assertEquals(403, status(HttpRequest.GET("/api/v1/orders/" + order + "/calendar.ics").bearerAuth(w.managerX)));
        assertEquals(404, status(HttpRequest.GET("/api/v1/orders/" + order + "/calendar.ics").bearerAuth(w.managerY)));
    }

    @Test
    void aMemberInvitesAColleagueWhoJoinsOnceWithTheLink() throws Exception {
        String colleague = "colleague-" + System.nanoTime() + "@dayi.test";
        assertEquals(403, status(HttpRequest.POST("/api/v1/organisations/" + w.enterprise + "/invitations",
                Map.of("email", colleague)).bearerAuth(w.managerY)), "an outsider may not invite");
        Map<String, Object> inv = postMap(w.buyer, "/api/v1/organisations/" + w.enterprise + "/invitations",
                Map.of("email", colleague));
        assertEquals("BUYER_MEMBER", inv.get("role"));
        outbox.deliverDue(Instant.now());
        MimeMessage mail = only(colleague);
        String body = text(mail);
        Matcher m = Pattern.compile("http://dayi\\.test/invitations/([A-Za-z0-9_-]{43})").matcher(body);
        assertTrue(m.find(), body);
        String token = m.group(1);
        assertEquals(0L, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM invitation WHERE token_sha256 = ?", token)),
                "only the hash is stored");

        String page = html(null, "/invitations/" + token);
        assertTrue(page.contains("accept-form") && page.contains(colleague), page);
        HttpResponse<String> accepted = http.toBlocking().exchange(HttpRequest.POST("/invitations/" + token,
                "displayName=" + "新同事" + "&password=colleague-password-1").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(201, accepted.getStatus().getCode());
        assertTrue(accepted.body().contains("invitation-accepted"));
        Map<String, Object> signedIn = postMap(null, "/api/v1/auth/token", Map.of("email", colleague,
                "password", "colleague-password-1"));
        String token2 = (String) signedIn.get("accessToken");
        Map<String, Object> me = get(token2, "/api/v1/me");
        assertTrue(me.toString().contains("BUYER_MEMBER") && me.toString().contains(Long.toString(w.enterprise)), me.toString());

        HttpClientResponseException reused = assertThrowsHttp(() -> http.toBlocking().exchange(
                HttpRequest.GET("/invitations/" + token).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(410, reused.getStatus().getCode());
        assertTrue(reused.getResponse().getBody(String.class).orElse("").contains("invitation-invalid"));
        assertEquals(410, status(HttpRequest.POST("/api/v1/invitations/" + token + "/accept", Map.of("displayName", "x",
                "password", "another-password-1"))));
    }

    @Test
    void anExpiredOrUnknownInvitationSaysSo() throws Exception {
        String colleague = "late-" + System.nanoTime() + "@dayi.test";
        long id = ((Number) postMap(w.buyer, "/api/v1/organisations/" + w.enterprise + "/invitations",
                Map.of("email", colleague)).get("id")).longValue();
        outbox.deliverDue(Instant.now());
        Matcher m = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})").matcher(text(only(colleague)));
        assertTrue(m.find());
        jdbc.write(c -> Jdbc.update(c, "UPDATE invitation SET expires_at = ? WHERE id = ?", Instant.now().minusSeconds(1), id));
        HttpClientResponseException expired = assertThrowsHttp(() -> http.toBlocking().exchange(
                HttpRequest.GET("/invitations/" + m.group(1)).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(410, expired.getStatus().getCode());
        assertTrue(expired.getResponse().getBody(String.class).orElse("").contains("已过期"));
        assertEquals(404, status(HttpRequest.GET("/api/v1/invitations/nosuchtoken")));
    }

    @Test
    void theRegistrantHearsOfTheVerificationDecisionWithTheReason() throws Exception {
        int n = (int) (System.nanoTime() % 10_000_000);
        String email = "registrant-" + n + "@dayi.test";
        Map<String, Object> reg = postMap(null, "/api/v1/registrations", Map.of("organisationName", "通知测试企业" + n,
                "creditCode", World.creditCode(String.format("9144030000%07d", n)), "email", email, "displayName", "R",
                "password", "registration-pw1"));
        long org = ((Number) reg.get("organisationId")).longValue();
        post(w.admin, "/api/v1/admin/organisations/" + org + "/verification", Map.of("approve", false,
                "reason", "营业执照照片不清晰"));
        outbox.deliverDue(Instant.now());
        MimeMessage mail = only(email);
        assertTrue(mail.getSubject().contains("未通过"), mail.getSubject());
        assertTrue(text(mail).contains("营业执照照片不清晰"), text(mail));
    }

    // ---- helpers ----

    private long book() {
        int k = slot.getAndIncrement();
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        Instant start = LocalDate.now(sh).plusDays(3 + k / 24).atTime(8, 0).atZone(sh).toInstant().plusSeconds(1800L * (k % 24));
        return post(w.buyer, "/api/v1/instruments/" + instrument + "/bookings", Map.of("start", start.toString(), "end",
                start.plusSeconds(1800).toString(), "mode", "STAFF_OPERATED"));
    }

    private long total(long order) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT total_fen FROM service_order WHERE id = ?", order));
    }

    private Map<String, Object> proposal() {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerB);
        body.put("instruments", List.of(instrument));
        body.put("startsOn", LocalDate.now().toString());
        body.put("endsOn", LocalDate.now().plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        return body;
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage only(String address) {
        List<MimeMessage> all = received(address);
        assertEquals(1, all.size(), "mails to " + address);
        return all.get(0);
    }

    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof Multipart mp) {
            return (String) mp.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    private static String calendar(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        BodyPart part = mp.getBodyPart(1);
        assertTrue(part.getContentType().startsWith("text/calendar"), part.getContentType());
        assertTrue(part.getFileName().endsWith(".ics"));
        String ics = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return ics.replace("\r\n ", "").replace("\n ", ""); // unfold RFC 5545 continuation lines
    }

    @SuppressWarnings("unchecked")
    private long post(String token, String path, Object body) {
        Map<String, Object> r = postMap(token, path, body);
        return r.get("id") instanceof Number n ? n.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> postMap(String token, String path, Object body) {
        var request = HttpRequest.POST(path, body);
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    }

    private String html(String token, String path) {
        var request = HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE);
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, String.class);
    }

    private int status(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static HttpClientResponseException assertThrowsHttp(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, call);
    }

    private static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
