using System.Globalization;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>Inline SVG bar charts (no scripts, no external resources); geometry in integer pixels.</summary>
internal static class SvgCharts
{
    /// <summary>One bar of a horizontal bar chart.</summary>
    internal readonly record struct Bar(string Label, long Value, string ValueText, string CssClass, string Tooltip);

    /// <summary>One month of the due-vs-paid chart.</summary>
    internal readonly record struct MonthBars(YearMonth Period, Money Due, Money Paid);

    /// <summary>Label column width in half-em units (a CJK character is two).</summary>
    private const int LabelUnits = 28;

    /// <summary>Grouped vertical bars: due and paid per month, with a value axis and a legend.</summary>
    internal static void DuePaid(HtmlOutput h, IReadOnlyList<MonthBars> months, Labels l, ReportLanguage language, string id)
    {
        const int width = 1120, height = 300, left = 72, right = 16, top = 34, bottom = 44;
        const int plotW = width - left - right, plotH = height - top - bottom;
        h.Raw("<svg id=\"").Raw(id).Raw("\" class=\"chart\" viewBox=\"0 0 ").Number(width).Raw(" ").Number(height)
            .Raw("\" role=\"img\" aria-label=\"").Text(l.ChartDuePaid).Raw("\">").Line();
        if (months.Count == 0)
        {
            NoData(h, l, width, height);
            return;
        }

        long max = 0;
        foreach (var m in months) max = Math.Max(max, Math.Max(m.Due.Fen, m.Paid.Fen));
        long step = MoneyText.NiceStep(max, 4);
        long axisMax = step * 4;
        for (int i = 0; i <= 4; i++)
        {
            int y = top + plotH - MoneyText.Scale(step * i, plotH, axisMax);
            h.Raw("<line class=\"grid\" x1=\"").Number(left).Raw("\" x2=\"").Number(width - right).Raw("\" y1=\"").Number(y)
                .Raw("\" y2=\"").Number(y).Raw("\"/><text class=\"axis\" x=\"").Number(left - 8).Raw("\" y=\"").Number(y + 4)
                .Raw("\" text-anchor=\"end\">").Text(MoneyText.Compact(new Money(step * i), language)).Raw("</text>").Line();
        }

        int n = months.Count;
        int group = plotW / n;
        int bar = Math.Clamp(group * 2 / 5, 2, 30);
        int labelEvery = (n + 23) / 24;
        for (int i = 0; i < n; i++)
        {
            var m = months[i];
            int cx = left + group * i + group / 2;
            BarRect(h, cx - bar, top + plotH, bar, MoneyText.Scale(m.Due.Fen, plotH, axisMax), "due",
                $"{m.Period} {l.Due} {m.Due}");
            BarRect(h, cx, top + plotH, bar, MoneyText.Scale(m.Paid.Fen, plotH, axisMax), "paid",
                $"{m.Period} {l.Paid} {m.Paid}");
            if (i % labelEvery == 0)
            {
                h.Raw("<text class=\"axis\" x=\"").Number(cx).Raw("\" y=\"").Number(top + plotH + 18)
                    .Raw("\" text-anchor=\"middle\">").Period(m.Period).Raw("</text>").Line();
            }
        }

        h.Raw("<line class=\"base\" x1=\"").Number(left).Raw("\" x2=\"").Number(width - right).Raw("\" y1=\"").Number(top + plotH)
            .Raw("\" y2=\"").Number(top + plotH).Raw("\"/>").Line();
        int lx = width - right - 260;
        h.Raw("<rect class=\"due\" x=\"").Number(lx).Raw("\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\"/><text class=\"legend\" x=\"")
            .Number(lx + 18).Raw("\" y=\"18\">").Text(l.Due).Raw("</text>")
            .Raw("<rect class=\"paid\" x=\"").Number(lx + 130).Raw("\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\"/><text class=\"legend\" x=\"")
            .Number(lx + 148).Raw("\" y=\"18\">").Text(l.Paid).Raw("</text>").Line();
        h.Raw("</svg>").Line();
    }

    /// <summary>Horizontal bars with a label column and the value after each bar.</summary>
    internal static void Horizontal(HtmlOutput h, IReadOnlyList<Bar> bars, string ariaLabel, Labels l, string id, int width = 560)
    {
        const int rowH = 26, top = 6, labelW = 190, valueW = 96;
        int barMax = width - labelW - valueW - 8;
        int height = Math.Max(1, bars.Count) * rowH + top * 2;
        h.Raw("<svg id=\"").Raw(id).Raw("\" class=\"chart\" viewBox=\"0 0 ").Number(width).Raw(" ").Number(height)
            .Raw("\" role=\"img\" aria-label=\"").Text(ariaLabel).Raw("\">").Line();
        if (bars.Count == 0)
        {
            NoData(h, l, width, height);
            return;
        }

        long max = 0;
        foreach (var b in bars) max = Math.Max(max, b.Value);
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            int y = top + i * rowH;
            int w = Math.Max(b.Value > 0 ? 2 : 0, MoneyText.Scale(b.Value, barMax, max));
            h.Raw("<g><title>").Text(b.Tooltip).Raw("</title><text class=\"label\" x=\"").Number(labelW - 8).Raw("\" y=\"").Number(y + 17)
                .Raw("\" text-anchor=\"end\">").Text(Truncate(b.Label)).Raw("</text><rect class=\"").Raw(b.CssClass).Raw("\" x=\"")
                .Number(labelW).Raw("\" y=\"").Number(y + 5).Raw("\" width=\"").Number(w).Raw("\" height=\"").Number(rowH - 10)
                .Raw("\" rx=\"2\"/><text class=\"value\" x=\"").Number(labelW + w + 6).Raw("\" y=\"").Number(y + 17).Raw("\">")
                .Text(b.ValueText).Raw("</text></g>").Line();
        }

        h.Raw("</svg>").Line();
    }

    private static void BarRect(HtmlOutput h, int x, int baseline, int w, int barH, string cls, string tooltip)
    {
        h.Raw("<rect class=\"").Raw(cls).Raw("\" x=\"").Number(x).Raw("\" y=\"").Number(baseline - barH).Raw("\" width=\"").Number(w)
            .Raw("\" height=\"").Number(barH).Raw("\"><title>").Text(tooltip).Raw("</title></rect>").Line();
    }

    private static void NoData(HtmlOutput h, Labels l, int width, int height)
    {
        h.Raw("<text class=\"axis\" x=\"").Number(width / 2).Raw("\" y=\"").Number(height / 2).Raw("\" text-anchor=\"middle\">")
            .Text(l.NoData).Raw("</text></svg>").Line();
    }

    // Long labels would run into the bars; the tooltip keeps the full text. Width is estimated in half-em units:
    // CJK, other wide characters and anything outside the BMP (surrogates sort above U+2E80) take two, the rest one.
    private static string Truncate(string label)
    {
        int units = 0;
        var e = StringInfo.GetTextElementEnumerator(label);
        int cut = -1;
        while (e.MoveNext())
        {
            units += label[e.ElementIndex] >= 0x2E80 ? 2 : 1;
            if (units > LabelUnits - 1 && cut < 0) cut = e.ElementIndex;
            if (units > LabelUnits) return label[..cut] + "…";
        }

        return label;
    }
}
