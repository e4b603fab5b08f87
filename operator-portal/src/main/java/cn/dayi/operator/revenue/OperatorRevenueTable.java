package cn.dayi.operator.revenue;

import cn.dayi.marketplace.reporting.ReportTable;
import cn.dayi.marketplace.reporting.ReportTable.Column;
import cn.dayi.marketplace.reporting.ReportTable.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The operator revenue report as the one table its page and its CSV, XLSX and PDF downloads show. */
final class OperatorRevenueTable {

    static final List<Column> COLUMNS = List.of(
            new Column("月份 Month", Kind.TEXT),
            new Column("仪器编号 Code", Kind.TEXT),
            new Column("仪器 Instrument", Kind.TEXT),
            new Column("产权单位 Owner", Kind.TEXT),
            new Column("毛收入(元) Gross (CNY)", Kind.FEN),
            new Column("本机构分成(元) Operator share (CNY)", Kind.FEN),
            new Column("平台佣金(元) Platform commission (CNY)", Kind.FEN),
            new Column("产权方分成(元) Owner share (CNY)", Kind.FEN),
            new Column("财政分成(元) Fiscal share (CNY)", Kind.FEN),
            new Column("使用机时(小时) Hours used", Kind.MINUTES),
            new Column("利用率 Utilisation", Kind.BASIS_POINTS),
            new Column("完成检测订单 Testing orders completed", Kind.COUNT));

    private OperatorRevenueTable() {
    }

    static ReportTable of(OperatorRevenue.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (OperatorRevenue.Row row : r.rows()) {
            rows.add(Arrays.asList(row.month(), row.instrumentCode(), row.instrumentName(),
                    row.own() ? "自有 Own instrument" : row.ownerName(), row.grossFen(), row.operatorShareFen(),
                    row.platformFen(), row.ownerShareFen(), row.fiscalShareFen(), row.usedMinutes(), row.utilisationBp(),
                    row.testingCompleted()));
        }
        long standard = RevenueSource.STANDARD_MINUTES_PER_YEAR * Math.max(1, r.instruments().size());
        List<Object> totals = Arrays.asList("合计 Total", null, r.instruments().size() + " 台 instruments", null,
                r.grossFen(), r.operatorShareFen(), r.platformFen(), r.ownerShareFen(), r.fiscalShareFen(), r.usedMinutes(),
                RevenueSource.bp(r.usedMinutes(), standard), r.testingCompleted());
        return new ReportTable("运营收益报表 Operator revenue — " + r.operatorName() + " " + r.year(),
                "毛收入与各方分成取自总账（本机构分成含服务费）；利用率按每台每年 1,400 小时（教育部标准）计，月度为 1,400 ÷ 12 小时 · "
                        + "Gross and shares from the ledger (the operator share includes service fees); utilisation "
                        + "against 1,400 h/year per instrument (Ministry of Education), 116.7 h per month",
                COLUMNS, rows, totals);
    }
}
