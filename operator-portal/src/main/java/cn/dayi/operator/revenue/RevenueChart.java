package cn.dayi.operator.revenue;

import cn.dayi.marketplace.reporting.ReportTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A revenue report's two charts as plain numbers for an inline SVG (no script, prints and reads without JavaScript):
 * twelve monthly bar pairs (gross and the party's share) scaled to the largest month, and one bar per instrument for
 * its utilisation of the year, scaled so that 100 % of 1,400 h is a marked line. Used by the owner and the operator
 * revenue reports (template fragment {@code revenue-charts.html}).
 */
record RevenueChart(List<MonthBar> months, List<UtilisationBar> instruments, int utilisationScalePercent) {

    /** One month's gross and the party's share, fen. */
    record MonthFigures(String month, long grossFen, long shareFen) {
    }

    /** One instrument's use of the year: minutes and utilisation in basis points. */
    record InstrumentFigures(String code, String name, long usedMinutes, long utilisationBp) {
    }

    /** Bar heights in percent of the chart's height; labels as people read them. */
    record MonthBar(String label, double grossHeight, double shareHeight, String gross, String share) {
    }

    /** Width in percent of the chart's width; {@code standardAt} where 100 % of the standard lies. */
    record UtilisationBar(String code, String name, double width, String utilisation, String hours, double standardAt) {
    }

    static RevenueChart of(List<MonthFigures> monthly, List<InstrumentFigures> instruments) {
        long max = monthly.stream().mapToLong(m -> Math.max(m.grossFen(), 0)).max().orElse(0);
        List<MonthBar> months = new ArrayList<>();
        for (MonthFigures m : monthly) {
            months.add(new MonthBar(m.month().substring(5), height(m.grossFen(), max), height(m.shareFen(), max),
                    ReportTable.display(ReportTable.Kind.FEN, m.grossFen()),
                    ReportTable.display(ReportTable.Kind.FEN, m.shareFen())));
        }
        long top = Math.max(10_000, instruments.stream().mapToLong(InstrumentFigures::utilisationBp).max().orElse(0));
        List<UtilisationBar> bars = instruments.stream().map(i -> new UtilisationBar(i.code(), i.name(),
                height(i.utilisationBp(), top), ReportTable.display(ReportTable.Kind.BASIS_POINTS, i.utilisationBp()),
                ReportTable.display(ReportTable.Kind.MINUTES, i.usedMinutes()), height(10_000, top))).toList();
        return new RevenueChart(months, bars, (int) (top / 100));
    }

    private static double height(long value, long max) {
        return max <= 0 || value <= 0 ? 0 : Math.round(1000.0 * value / max) / 10.0;
    }
}
