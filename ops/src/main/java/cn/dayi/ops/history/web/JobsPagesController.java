package cn.dayi.ops.history.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.history.JobRun;
import cn.dayi.ops.history.JobsAdmin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import java.util.Map;

/**
 * The job page for platform admins:
 * <ul>
 *   <li>{@code GET /admin/jobs} — every job with its schedule, next fire time (Asia/Shanghai), last
 *       run and last failure; the recent runs of all nodes, failures marked and with their reason</li>
 *   <li>{@code POST /admin/jobs/{name}/run} — run now; back to the page with a notice</li>
 *   <li>{@code POST /admin/jobs/runs/{id}/retry} — retry a failed run with its parameter</li>
 * </ul>
 * Works without JavaScript (plain forms, 303 back to the page).
 */
@Controller("/admin/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class JobsPagesController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** A job row with display strings. */
    public record JobRow(String name, String description, String cron, String timeZone, String nextFire, String lastOutcome,
                         String lastStarted, String lastFailure, String lastFailureMessage) {
    }

    /** A run row with display strings; {@code failed} marks the row, {@code retryable} shows the button. */
    public record RunRow(long id, String job, String trigger, String node, String started, String finished, String outcome,
                         String message, String items, String parameter, boolean failed, boolean recovering) {
    }

    private final ActorResolver actors;
    private final JobsAdmin jobs;
    private final Pages pages;

    public JobsPagesController(ActorResolver actors, JobsAdmin jobs, Pages pages) {
        this.actors = actors;
        this.jobs = jobs;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> index(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue String requested, @Nullable @QueryValue String error) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        JobsAdmin.Overview o = jobs.overview(100);
        Map<String, Object> model = pages.model(request, pages.text(request).get("jobs.title"), "admin");
        model.put("running", o.schedulerRunning());
        model.put("node", o.node() == null ? "—" : o.node());
        model.put("jobs", o.jobs().stream().map(JobsPagesController::row).toList());
        model.put("runs", o.runs().stream().map(JobsPagesController::row).toList());
        model.put("requested", requested);
        model.put("error", error);
        return new ModelAndView<>("admin-jobs", model);
    }

    @Post(value = "/{name}/run", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> runNow(@Nullable Authentication auth, @PathVariable String name) {
        var actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        return act(name, () -> jobs.runNow(name, actor.personId()));
    }

    @Post(value = "/runs/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> retry(@Nullable Authentication auth, @PathVariable long id) {
        var actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        JobRun run = jobs.run(id);
        return act(run.job(), () -> jobs.retry(id, actor.personId()));
    }

    private static HttpResponse<?> act(String job, Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/admin/jobs?requested=" + enc(job)));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/admin/jobs?error=" + enc(e.getMessage())));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JobRow row(JobsAdmin.JobView j) {
        JobRun last = j.lastRun();
        JobRun failure = j.lastFailure();
        return new JobRow(j.name(), j.description(), j.cron(), j.timeZone(), time(j.nextFireAt()),
                last == null ? "—" : last.outcome(), last == null ? "—" : time(last.startedAt()),
                failure == null ? null : time(failure.startedAt()), failure == null ? null : failure.message());
    }

    private static RunRow row(JobRun r) {
        return new RunRow(r.id(), r.job(), r.trigger(), r.node(), time(r.startedAt()), time(r.finishedAt()), r.outcome(),
                r.message() == null ? "" : r.message(), r.itemsProcessed() == null ? "" : r.itemsProcessed().toString(),
                r.parameter() == null ? "" : r.parameter(), r.failed(), r.recovering());
    }

    private static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

}
