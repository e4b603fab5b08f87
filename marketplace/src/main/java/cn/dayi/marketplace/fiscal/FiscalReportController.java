package cn.dayi.marketplace.fiscal;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.reporting.ReportExports;
import cn.dayi.marketplace.reporting.ReportFormat;
import cn.dayi.marketplace.reporting.ReportView;
import cn.dayi.marketplace.reporting.ReportYear;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fiscal report ({@link FiscalReport}: figures, sources, who may read it). {@code year} defaults to the current
 * year in Asia/Shanghai.
 * <ul>
 *   <li>{@code GET /api/v1/fiscal/report?year=2026} → {@link FiscalReport.Report} (money in fen)</li>
 *   <li>{@code GET /fiscal/report?year=} — the page (linked from {@code /fiscal/vouchers}): the year's totals and the
 *       five tables, each with its download links</li>
 *   <li>{@code GET /fiscal/report/export?year=&table=programmes|regions|categories|fiscal-share|due&format=csv|xlsx|pdf}
 *       — one table as a file ({@code fiscal-report-<year>-<table>.<ext>})</li>
 * </ul>
 * Errors: 403 {@code FORBIDDEN} for anyone not a fiscal officer or platform admin; 400 {@code YEAR_INVALID},
 * {@code FORMAT_INVALID}, {@code TABLE_INVALID}; 503 {@code PDF_FONT_MISSING} when the server has no Chinese font.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Fiscal reports")
public class FiscalReportController {

    private final ActorResolver actors;
    private final FiscalReport fiscal;
    private final ReportExports exports;
    private final Pages pages;
    private final Clock clock;

    public FiscalReportController(ActorResolver actors, FiscalReport fiscal, ReportExports exports, Pages pages,
                                  Clock clock) {
        this.actors = actors;
        this.fiscal = fiscal;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/api/v1/fiscal/report")
    public FiscalReport.Report report(@Nullable Authentication auth, @Nullable @QueryValue Integer year) {
        return fiscal.of(actors.require(auth), ReportYear.orCurrent(year, clock));
    }

    @Get(value = "/fiscal/report", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable Authentication auth,
                                                  @Nullable @QueryValue Integer year) {
        FiscalReport.Report r = fiscal.of(actors.require(auth), ReportYear.orCurrent(year, clock));
        Map<String, Object> model = pages.model(request, pages.text(request).get("fiscal.report.title"), "fiscal");
        Map<String, ReportView> tables = new LinkedHashMap<>();
        for (FiscalReportTables t : FiscalReportTables.values()) {
            tables.put(t.tableName(), ReportView.of(t.of(r)));
        }
        model.put("report", r);
        model.put("tables", tables);
        model.put("previousYear", r.year() - 1);
        model.put("nextYear", r.year() + 1);
        model.put("formats", List.of(ReportFormat.values()));
        return new ModelAndView<>("fiscal-report", model);
    }

    @Get("/fiscal/report/export")
    public HttpResponse<byte[]> export(@Nullable Authentication auth, @Nullable @QueryValue Integer year,
                                       @Nullable @QueryValue String table, @Nullable @QueryValue String format) {
        ReportFormat f = ReportFormat.require(format);
        FiscalReportTables t = FiscalReportTables.require(table);
        FiscalReport.Report r = fiscal.of(actors.require(auth), ReportYear.orCurrent(year, clock));
        return exports.download(t.of(r), f, "fiscal-report-" + r.year() + "-" + t.tableName());
    }
}
