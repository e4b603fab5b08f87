package cn.dayi.ops.history.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.ops.history.JobRun;
import cn.dayi.ops.history.JobsAdmin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Scheduled jobs and their history (platform admins; others 403 {@code FORBIDDEN}).
 * <ul>
 *   <li>{@code GET /api/v1/admin/jobs?limit=50} → {@code {schedulerRunning, node, jobs[{name, description,
 *       cron, timeZone, nextFireAt, previousFireAt, lastRun, lastFailure}], runs[JobRun]}}; instants UTC</li>
 *   <li>{@code GET /api/v1/admin/jobs/{name}/runs?limit=50} → {@code [JobRun]} newest first; 404 {@code JOB_NOT_FOUND}</li>
 *   <li>{@code POST /api/v1/admin/jobs/{name}/run} → 202 {@code {job, requested}}: fires on some node at once
 *       (after the running one, if any); 404 {@code JOB_NOT_FOUND}; 409 {@code SCHEDULER_OFF}</li>
 *   <li>{@code POST /api/v1/admin/jobs/runs/{id}/retry} → 202: runs a FAILED run's job again with its
 *       parameter (e.g. {@code period=2026-10}); 404 {@code JOB_RUN_NOT_FOUND}; 409 {@code JOB_RUN_NOT_FAILED},
 *       {@code SCHEDULER_OFF}</li>
 * </ul>
 * A {@code JobRun} is {@code {id, job, trigger, node, scheduledAt, startedAt, finishedAt, outcome
 * (RUNNING|SUCCEEDED|FAILED), message, itemsProcessed, parameter, recovering, requestedBy, retryOf}}.
 */
@Controller("/api/v1/admin/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Administration")
public class JobsApiController {

    /** Answer of run now / retry: the job that was fired. */
    @Serdeable
    public record Requested(String job, boolean requested) {
    }

    private final ActorResolver actors;
    private final JobsAdmin jobs;

    public JobsApiController(ActorResolver actors, JobsAdmin jobs) {
        this.actors = actors;
        this.jobs = jobs;
    }

    @Get
    public JobsAdmin.Overview overview(@Nullable Authentication auth, @Nullable @QueryValue Integer limit) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return jobs.overview(limit == null ? 50 : limit);
    }

    @Get("/{name}/runs")
    public List<JobRun> runs(@Nullable Authentication auth, @PathVariable String name, @Nullable @QueryValue Integer limit) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return jobs.runs(name, limit == null ? 50 : limit);
    }

    @Post("/{name}/run")
    public HttpResponse<Requested> runNow(@Nullable Authentication auth, @PathVariable String name) {
        var actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        jobs.runNow(name, actor.personId());
        return HttpResponse.accepted().body(new Requested(name, true));
    }

    @Post("/runs/{id}/retry")
    public HttpResponse<Requested> retry(@Nullable Authentication auth, @PathVariable long id) {
        var actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        JobRun run = jobs.run(id);
        jobs.retry(id, actor.personId());
        return HttpResponse.accepted().body(new Requested(run.job(), true));
    }
}
