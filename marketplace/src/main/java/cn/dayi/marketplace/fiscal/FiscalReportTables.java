package cn.dayi.marketplace.fiscal;

import cn.dayi.marketplace.reporting.ReportTable;
import cn.dayi.marketplace.reporting.ReportTable.Column;
import cn.dayi.marketplace.reporting.ReportTable.Kind;
import cn.dayi.marketplace.web.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fiscal report's five tables, each what its page section and its CSV, XLSX and PDF download show (headers Chinese
 * and English): {@code programmes}, {@code regions}, {@code categories} (voucher spend), {@code fiscal-share} (by
 * month) and {@code due} (reimbursements due).
 */
public enum FiscalReportTables {
    PROGRAMMES("programmes", "创新券使用（按项目） Voucher spend by programme"),
    REGIONS("regions", "创新券使用（按地区） Voucher spend by region"),
    CATEGORIES("categories", "创新券使用（按仪器类别） Voucher spend by instrument category"),
    FISCAL_SHARE("fiscal-share", "财政分成（按月） Fiscal share by month"),
    DUE("due", "待兑付（已提交、已批准未支付） Reimbursements due");

    private final String name;
    private final String title;

    FiscalReportTables(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** The name in URLs ({@code table=}) and file names. */
    public String tableName() {
        return name;
    }

    /** The table named {@code s}; 400 {@code TABLE_INVALID} otherwise. */
    public static FiscalReportTables require(String s) {
        for (FiscalReportTables t : values()) {
            if (t.name.equals(s == null ? "" : s.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new ApiException.ValidationFailed("table", "TABLE_INVALID",
                "Choose table=programmes, regions, categories, fiscal-share or due.");
    }

    private static final Column CAPTURED = new Column("已使用(元) Captured (CNY)", Kind.FEN);
    private static final Column USES = new Column("订单数 Orders", Kind.COUNT);
    private static final Column HELD = new Column("冻结中(元) Held now (CNY)", Kind.FEN);

    /** This table of the report. */
    public ReportTable of(FiscalReport.Report r) {
        String heading = "财政资金报表 Fiscal report " + r.year() + " — " + title;
        return switch (this) {
            case PROGRAMMES -> spend(heading, new Column("项目 Programme", Kind.TEXT), new Column("类型 Type", Kind.TEXT),
                    r.byProgramme(), s -> List.of(s.label(), type(s.type())), r);
            case REGIONS -> spend(heading, new Column("地区代码 Code", Kind.TEXT), new Column("地区 Region", Kind.TEXT),
                    r.byRegion(), s -> List.of(s.key(), s.label()), r);
            case CATEGORIES -> spend(heading, new Column("类别代码 Code", Kind.TEXT),
                    new Column("仪器类别 Category", Kind.TEXT), r.byCategory(), s -> List.of(s.key(), s.label()), r);
            case FISCAL_SHARE -> new ReportTable(heading, "记入财政应付账户（FISCAL_FUND_PAYABLE）的订单分成，按入账月份；冲回与退款相抵 · "
                    + "Credits to the fiscal fund's payable from orders, by month posted; reversals and refunds subtract",
                    List.of(new Column("月份 Month", Kind.TEXT), new Column("财政分成(元) Fiscal share (CNY)", Kind.FEN)),
                    r.fiscalShare().stream().map(m -> Arrays.<Object>asList(m.month(), m.fiscalShareFen())).toList(),
                    Arrays.asList("合计 Total", r.fiscalShareFen()));
            case DUE -> new ReportTable(heading, "当前所有月份的兑付与补贴申请：待审核与已批准未支付 · "
                    + "Redemption and subsidy claims now, all periods: waiting for a decision, approved and not yet paid",
                    List.of(new Column("申请方 Claimant", Kind.TEXT), new Column("类型 Kind", Kind.TEXT),
                            new Column("项目 Programme", Kind.TEXT), new Column("待审核(元) Submitted (CNY)", Kind.FEN),
                            new Column("待审核笔数 Submitted claims", Kind.COUNT),
                            new Column("已批准未支付(元) Approved unpaid (CNY)", Kind.FEN),
                            new Column("已批准笔数 Approved claims", Kind.COUNT)),
                    r.due().stream().map(d -> Arrays.<Object>asList(d.claimantName(), kind(d.kind()), d.programmeName(),
                            d.submittedFen(), d.submittedClaims(), d.approvedFen(), d.approvedClaims())).toList(),
                    Arrays.asList("合计 Total", null, null, r.submittedFen(),
                            r.due().stream().mapToLong(FiscalReport.Due::submittedClaims).sum(), r.approvedFen(),
                            r.due().stream().mapToLong(FiscalReport.Due::approvedClaims).sum()));
        };
    }

    /** A spend table: two text columns naming the row ({@code names}), then captured, orders, held. */
    private static ReportTable spend(String heading, Column key, Column label, List<FiscalReport.Spend> spend,
                                     java.util.function.Function<FiscalReport.Spend, List<Object>> names,
                                     FiscalReport.Report r) {
        return new ReportTable(heading, "已使用：当年完成订单上已扣减且仍有效的创新券与补贴金额（已释放、已退款的不计）；冻结中：当前未完成订单上冻结的金额 · "
                + "Captured: voucher and subsidy money on orders completed in the year that is still captured (released "
                + "or refunded vouchers do not count); held: on open orders now",
                List.of(key, label, CAPTURED, USES, HELD),
                spend.stream().map(s -> {
                    List<Object> row = new java.util.ArrayList<>(names.apply(s));
                    row.addAll(List.of(s.capturedFen(), s.uses(), s.heldFen()));
                    return row;
                }).toList(),
                Arrays.asList("合计 Total", null, r.capturedFen(), r.uses(), r.heldFen()));
    }

    private static String type(String type) {
        return "POST_PAYMENT_SUBSIDY".equals(type) ? "先缴后补 Subsidy" : "无感直兑 Standard";
    }

    private static String kind(String kind) {
        return "SUBSIDY".equals(kind) ? "补贴 Subsidy" : "兑付 Redemption";
    }
}
