package cn.dayi.operator.revenue;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.reporting.ReportExports;
import cn.dayi.marketplace.reporting.ReportFormat;
import cn.dayi.marketplace.reporting.ReportTable;
import cn.dayi.marketplace.reporting.ReportView;
import cn.dayi.marketplace.reporting.ReportYear;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The revenue reports of owners ({@link OwnerRevenue}) and operators ({@link OperatorRevenue}): figures, sources and
 * who may read them are described there. {@code year} defaults to the current year in Asia/Shanghai.
 * <ul>
 *   <li>{@code GET /api/v1/owners/{ownerId}/revenue?year=2026} → {@link OwnerRevenue.Report} (money in fen, minutes,
 *       utilisation in basis points)</li>
 *   <li>{@code GET /owner/{ownerId}/revenue?year=} — the page: totals, a monthly chart of gross and owner share, each
 *       instrument's utilisation against 1,400 h/year, the table and the download links</li>
 *   <li>{@code GET /owner/{ownerId}/revenue/export?year=&format=csv|xlsx|pdf} — the table as a file
 *       ({@code owner-revenue-<id>-<year>.<ext>})</li>
 *   <li>{@code GET /api/v1/operators/{operatorId}/revenue?year=} → {@link OperatorRevenue.Report}</li>
 *   <li>{@code GET /operator/{operatorId}/revenue?year=} — the page: totals (gross, the operator's share, platform,
 *       owner and fiscal shares, hours, utilisation, testing orders), a monthly chart of gross and operator share,
 *       utilisation per instrument, the table and the download links</li>
 *   <li>{@code GET /operator/{operatorId}/revenue/export?year=&format=csv|xlsx|pdf}
 *       ({@code operator-revenue-<id>-<year>.<ext>})</li>
 * </ul>
 * Errors: 404 {@code OWNER_NOT_FOUND} / {@code OPERATOR_NOT_FOUND} for anyone who may not read the report; 400
 * {@code YEAR_INVALID}, {@code FORMAT_INVALID}; 503 {@code PDF_FONT_MISSING} when the server has no Chinese font for
 * PDF.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Revenue reports")
public class RevenueReportController {

    private final ActorResolver actors;
    private final OwnerRevenue owners;
    private final OperatorRevenue operators;
    private final ReportExports exports;
    private final Pages pages;
    private final Clock clock;

    public RevenueReportController(ActorResolver actors, OwnerRevenue owners, OperatorRevenue operators,
                                   ReportExports exports, Pages pages, Clock clock) {
        this.actors = actors;
        this.owners = owners;
        this.operators = operators;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/api/v1/owners/{ownerId}/revenue")
    public OwnerRevenue.Report ownerReport(@Nullable Authentication auth, @PathVariable long ownerId,
                                           @Nullable @QueryValue Integer year) {
        return owners.of(actors.require(auth), ownerId, ReportYear.orCurrent(year, clock));
    }

    @Get(value = "/owner/{ownerId}/revenue", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> ownerPage(HttpRequest<?> request, @Nullable Authentication auth,
                                                       @PathVariable long ownerId, @Nullable @QueryValue Integer year) {
        OwnerRevenue.Report r = owners.of(actors.require(auth), ownerId, ReportYear.orCurrent(year, clock));
        return page(request, "owner-revenue", "revenue.title", "owner", r, r.year(), OwnerRevenueTable.of(r),
                owners.chart(r));
    }

    @Get("/owner/{ownerId}/revenue/export")
    public HttpResponse<byte[]> ownerExport(@Nullable Authentication auth, @PathVariable long ownerId,
                                            @Nullable @QueryValue Integer year, @Nullable @QueryValue String format) {
        ReportFormat f = ReportFormat.require(format);
        OwnerRevenue.Report r = owners.of(actors.require(auth), ownerId, ReportYear.orCurrent(year, clock));
        return exports.download(OwnerRevenueTable.of(r), f, "owner-revenue-" + ownerId + "-" + r.year());
    }

    @Get("/api/v1/operators/{operatorId}/revenue")
    public OperatorRevenue.Report operatorReport(@Nullable Authentication auth, @PathVariable long operatorId,
                                                 @Nullable @QueryValue Integer year) {
        return operators.of(actors.require(auth), operatorId, ReportYear.orCurrent(year, clock));
    }

    @Get(value = "/operator/{operatorId}/revenue", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> operatorPage(HttpRequest<?> request, @Nullable Authentication auth,
                                                          @PathVariable long operatorId,
                                                          @Nullable @QueryValue Integer year) {
        OperatorRevenue.Report r = operators.of(actors.require(auth), operatorId, ReportYear.orCurrent(year, clock));
        return page(request, "operator-revenue", "revenue.operator.title", "operator", r, r.year(),
                OperatorRevenueTable.of(r), operators.chart(r));
    }

    @Get("/operator/{operatorId}/revenue/export")
    public HttpResponse<byte[]> operatorExport(@Nullable Authentication auth, @PathVariable long operatorId,
                                               @Nullable @QueryValue Integer year, @Nullable @QueryValue String format) {
        ReportFormat f = ReportFormat.require(format);
        OperatorRevenue.Report r = operators.of(actors.require(auth), operatorId, ReportYear.orCurrent(year, clock));
        return exports.download(OperatorRevenueTable.of(r), f, "operator-revenue-" + operatorId + "-" + r.year());
    }

    /** The model of a report page: report, table (as the downloads have it), chart, the years around, formats. */
    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, String view, String titleKey, String section,
                                                   Object report, int year, ReportTable table, RevenueChart chart) {
        Map<String, Object> model = pages.model(request, pages.text(request).get(titleKey), section);
        model.put("report", report);
        model.put("table", ReportView.of(table));
        model.put("chart", chart);
        model.put("previousYear", year - 1);
        model.put("nextYear", year + 1);
        model.put("formats", List.of(ReportFormat.values()));
        return new ModelAndView<>(view, model);
    }
}
