package cn.dayi.ops.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.ops.RealServices;
import cn.dayi.ops.settlement.SettlementPeriod;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Job history through the admin page and API, with the scheduler running: a failed run is shown
 * plainly with its reason and a retry button; retry runs it again and records who asked; run now
 * works; a settlement run records its period.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobHistoryIT implements RealServices {

    static final String ADMIN = "jobs-admin@dayi.test";
    static final String PASSWORD = "jobs-admin-password-1";

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("dayi.scheduler.enabled", "true", "dayi.accounts.first-admin.email", ADMIN,
                "dayi.accounts.first-admin.password", PASSWORD);
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Jdbc jdbc;

    String token;
    long adminId;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void signIn() {
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", ADMIN, "password", PASSWORD)), Map.class);
        token = (String) r.get("accessToken");
        adminId = ((Number) ((Map<String, Object>) r.get("person")).get("personId")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiListsTheJobsWithTheirNextRun() {
        Map<String, Object> o = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/jobs").bearerAuth(token), Map.class);
        assertEquals(true, o.get("schedulerRunning"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) o.get("jobs");
        assertEquals(List.of("card-reconciliation", "entrustment-expiry", "hold-expiry", "job-history-pruning",
                "monthly-settlement", "payout-preparation", "test-flaky", "voucher-expiry"), jobs.stream().map(j -> j.get("name")).toList());
        Map<String, Object> hold = jobs.get(2);
        assertEquals("0 * * * * ?", hold.get("cron"));
        assertEquals("Asia/Shanghai", hold.get("timeZone"));
        Instant next = Instant.parse((String) hold.get("nextFireAt"));
        assertTrue(next.isAfter(Instant.now().minusSeconds(5)) && next.isBefore(Instant.now().plusSeconds(65)),
                "hold expiry runs within the minute: " + next);
    }

    @Test
    void aFailedRunIsShownPlainlyAndRetryRunsItAgain() throws Exception {
        FlakyJob.FAILING.set(true);
        HttpResponse<?> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/jobs/test-flaky/run", Map.of())
                .bearerAuth(token));
        assertEquals(202, r.getStatus().getCode());
        JobRun failed = await("test-flaky", "FAILED");
        assertEquals(FlakyJob.REASON, failed.message());
        assertEquals("manual", failed.trigger());
        assertEquals(adminId, failed.requestedBy());

        // the page (cookie session, as a browser) shows the failure with its reason and a retry button
        String page = http.toBlocking().retrieve(HttpRequest.GET("/admin/jobs").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", token)));
        assertTrue(page.contains(FlakyJob.REASON), "the reason is on the page");
        assertTrue(page.contains("id=\"run-" + failed.id() + "\""), "the run is listed");
        assertTrue(page.contains("action=\"/admin/jobs/runs/" + failed.id() + "/retry\""), "with a retry button");
        assertTrue(page.contains("失败"), "marked as failed");

        // retry (the page's form) after the cause went away
        FlakyJob.FAILING.set(false);
        HttpResponse<?> retried = http.toBlocking().exchange(HttpRequest.POST("/admin/jobs/runs/" + failed.id() + "/retry", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("dayi_session", token)));
        assertEquals(303, retried.getStatus().getCode());
        assertEquals("/admin/jobs?requested=test-flaky", retried.header("Location"));
        JobRun ok = await("test-flaky", "SUCCEEDED");
        assertEquals(failed.id(), ok.retryOf());
        assertEquals(7, ok.itemsProcessed());
        assertEquals(adminId, ok.requestedBy());

        // only failed runs are retried
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/admin/jobs/runs/" + ok.id() + "/retry", Map.of())
                .bearerAuth(token));
        assertEquals(409, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("JOB_RUN_NOT_FAILED"));
    }

    @Test
    void runNowOfTheSettlementRecordsItsPeriod() throws Exception {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/jobs/monthly-settlement/run", Map.of()).bearerAuth(token));
        JobRun run = await("monthly-settlement", "SUCCEEDED");
        assertEquals("period=" + SettlementPeriod.monthBefore(run.startedAt()), run.parameter());
        assertNotNull(run.finishedAt());
        assertEquals(0, run.itemsProcessed(), "no completed orders: no statements");
    }

    @Test
    void runNowOfThePayoutPreparationSucceedsWithNothingToPay() throws Exception {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/jobs/payout-preparation/run", Map.of()).bearerAuth(token));
        JobRun run = await("payout-preparation", "SUCCEEDED");
        assertEquals(0, run.itemsProcessed(), "no approved statements: no payouts");
    }

    @Test
    void pruningDeletesOldSuccessfulRunsAndKeepsFailures() throws Exception {
        jdbc.write(c -> {
            for (String outcome : java.util.List.of("SUCCEEDED", "FAILED")) {
                Jdbc.update(c, "INSERT INTO job_run (job_name, trigger_name, fire_instance_id, node, started_at, finished_at,"
                        + " outcome) VALUES ('hold-expiry', 'hold-expiry', ?, 'old-node', ?, ?, ?)", "old-" + outcome,
                        Instant.now().minusSeconds(40L * 86_400), Instant.now().minusSeconds(40L * 86_400), outcome);
            }
            return null;
        });
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/jobs/job-history-pruning/run", Map.of()).bearerAuth(token));
        JobRun run = await("job-history-pruning", "SUCCEEDED");
        assertEquals(1, run.itemsProcessed());
        assertEquals(List.of("old-FAILED"), jdbc.read(c -> Jdbc.list(c,
                "SELECT fire_instance_id FROM job_run WHERE node = 'old-node'", rs -> rs.getString(1))));
    }

    @Test
    void anUnknownJobIsNotFound() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/admin/jobs/no-such-job/run", Map.of()).bearerAuth(token));
        assertEquals(404, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("JOB_NOT_FOUND"));
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected a refusal");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    /** Waits (at most 20 s) for the newest run of the job to end with the outcome. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private JobRun await(String job, String outcome) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map> runs = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/jobs/" + job + "/runs")
                    .bearerAuth(token), Argument.listOf(Map.class));
            if (!runs.isEmpty() && outcome.equals(runs.get(0).get("outcome"))) {
                Map<String, Object> m = (Map<String, Object>) runs.get(0);
                return new JobRun(((Number) m.get("id")).longValue(), job, (String) m.get("trigger"), (String) m.get("node"),
                        null, Instant.parse((String) m.get("startedAt")),
                        m.get("finishedAt") == null ? null : Instant.parse((String) m.get("finishedAt")), outcome,
                        (String) m.get("message"), m.get("itemsProcessed") == null ? null : ((Number) m.get("itemsProcessed")).intValue(),
                        (String) m.get("parameter"), Boolean.TRUE.equals(m.get("recovering")),
                        m.get("requestedBy") == null ? null : ((Number) m.get("requestedBy")).longValue(),
                        m.get("retryOf") == null ? null : ((Number) m.get("retryOf")).longValue());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + outcome + " run of " + job + " within 20 s");
    }
}
