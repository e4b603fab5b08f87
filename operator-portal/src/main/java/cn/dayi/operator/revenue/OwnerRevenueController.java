package cn.dayi.operator.revenue;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.reporting.ReportExports;
import cn.dayi.marketplace.reporting.ReportFormat;
import cn.dayi.marketplace.reporting.ReportTable;
import cn.dayi.marketplace.web.ApiException;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The owner revenue report ({@link OwnerRevenue}: figures, sources and who may read it):
 * <ul>
 *   <li>{@code GET /api/v1/owners/{ownerId}/revenue?year=2026} → {@link OwnerRevenue.Report} (money in fen, minutes,
 *       utilisation in basis points); {@code year} defaults to the current year in Asia/Shanghai</li>
 *   <li>{@code GET /owner/{ownerId}/revenue?year=} — the page: totals, a monthly chart of gross and owner share, each
 *       instrument's utilisation against 1,400 h/year, the table and the download links</li>
 *   <li>{@code GET /owner/{ownerId}/revenue/export?year=&format=csv|xlsx|pdf} — the table as a file
 *       ({@code owner-revenue-<id>-<year>.<ext>}); 400 {@code FORMAT_INVALID}; 503 {@code PDF_FONT_MISSING} when the
 *       server has no Chinese font for PDF</li>
 * </ul>
 * 404 {@code OWNER_NOT_FOUND} for anyone not an OWNER_ADMIN of the owner or a platform admin; 400 {@code YEAR_INVALID}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Owner reports")
public class OwnerRevenueController {

    private final ActorResolver actors;
    private final OwnerRevenue revenue;
    private final ReportExports exports;
    private final Pages pages;
    private final Clock clock;

    public OwnerRevenueController(ActorResolver actors, OwnerRevenue revenue, ReportExports exports, Pages pages,
                                  Clock clock) {
        this.actors = actors;
        this.revenue = revenue;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/api/v1/owners/{ownerId}/revenue")
    public OwnerRevenue.Report report(@Nullable Authentication auth, @PathVariable long ownerId,
                                      @Nullable @QueryValue Integer year) {
        return revenue.of(actors.require(auth), ownerId, yearOr(year));
    }

    @Get(value = "/owner/{ownerId}/revenue", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable Authentication auth,
                                                  @PathVariable long ownerId, @Nullable @QueryValue Integer year) {
        OwnerRevenue.Report r = revenue.of(actors.require(auth), ownerId, yearOr(year));
        Map<String, Object> model = pages.model(request, pages.text(request).get("revenue.title"), "owner");
        model.put("report", r);
        model.put("table", TableView.of(OwnerRevenueTable.of(r)));
        model.put("chart", RevenueChart.of(r));
        model.put("previousYear", r.year() - 1);
        model.put("nextYear", r.year() + 1);
        model.put("formats", List.of(ReportFormat.values()));
        return new ModelAndView<>("owner-revenue", model);
    }

    @Get("/owner/{ownerId}/revenue/export")
    public HttpResponse<byte[]> export(@Nullable Authentication auth, @PathVariable long ownerId,
                                       @Nullable @QueryValue Integer year, @Nullable @QueryValue String format) {
        ReportFormat f = ReportFormat.parse(format).orElseThrow(() -> new ApiException.ValidationFailed("format",
                "FORMAT_INVALID", "Choose format=csv, xlsx or pdf."));
        OwnerRevenue.Report r = revenue.of(actors.require(auth), ownerId, yearOr(year));
        ReportTable table = OwnerRevenueTable.of(r);
        String name = ReportExports.fileName("owner-revenue-" + ownerId + "-" + r.year(), f);
        return HttpResponse.ok(exports.write(table, f)).contentType(f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    /** The report table as the page shows it: the same cells as the downloads, formatted for reading. */
    public record TableView(List<String> headers, List<Boolean> numeric, List<List<String>> rows, List<String> totals) {
        static TableView of(ReportTable t) {
            List<ReportTable.Column> cols = t.columns();
            java.util.function.Function<List<Object>, List<String>> show = row -> java.util.stream.IntStream
                    .range(0, cols.size()).mapToObj(i -> ReportTable.display(cols.get(i).kind(), row.get(i))).toList();
            return new TableView(cols.stream().map(ReportTable.Column::header).toList(),
                    cols.stream().map(c -> c.kind() != ReportTable.Kind.TEXT).toList(),
                    t.rows().stream().map(show).toList(), t.totals() == null ? null : show.apply(t.totals()));
        }
    }

    private int yearOr(Integer year) {
        return year != null ? year : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
    }
}
