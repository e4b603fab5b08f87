package cn.dayi.operator.revenue;

import cn.dayi.marketplace.reporting.ReportTable;
import cn.dayi.marketplace.reporting.ReportTable.Column;
import cn.dayi.marketplace.reporting.ReportTable.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The owner revenue report as the one table its CSV, XLSX and PDF downloads write (headers Chinese and English). */
final class OwnerRevenueTable {

    static final List<Column> COLUMNS = List.of(
            new Column("月份 Month", Kind.TEXT),
            new Column("仪器编号 Code", Kind.TEXT),
            new Column("仪器 Instrument", Kind.TEXT),
            new Column("服务机构 Operator", Kind.TEXT),
            new Column("毛收入(元) Gross (CNY)", Kind.FEN),
            new Column("产权方分成(元) Owner share (CNY)", Kind.FEN),
            new Column("使用机时(小时) Hours used", Kind.MINUTES),
            new Column("利用率 Utilisation", Kind.BASIS_POINTS));

    private OwnerRevenueTable() {
    }

    static ReportTable of(OwnerRevenue.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (OwnerRevenue.Row row : r.rows()) {
            rows.add(Arrays.asList(row.month(), row.instrumentCode(), row.instrumentName(), row.operatorName(),
                    row.grossFen(), row.ownerShareFen(), row.usedMinutes(), row.utilisationBp()));
        }
        long standard = RevenueSource.STANDARD_MINUTES_PER_YEAR * Math.max(1, r.instruments().size());
        List<Object> totals = Arrays.asList("合计 Total", null, r.instruments().size() + " 台 instruments", null,
                r.grossFen(), r.ownerShareFen(), r.usedMinutes(), RevenueSource.bp(r.usedMinutes(), standard));
        return new ReportTable("产权单位收益报表 Owner revenue — " + r.ownerName() + " " + r.year(),
                "毛收入与分成取自总账；利用率按每台每年 1,400 小时（教育部标准）计，月度为 1,400 ÷ 12 小时 · "
                        + "Gross and owner share from the ledger; utilisation against 1,400 h/year per instrument "
                        + "(Ministry of Education), 116.7 h per month", COLUMNS, rows, totals);
    }
}
