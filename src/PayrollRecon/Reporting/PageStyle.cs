namespace PayrollRecon.Reporting;

/// <summary>The inline stylesheet and script shared by <c>report.html</c> and <c>portfolio.html</c>.</summary>
internal static class PageStyle
{
    /// <summary>System fonts only (no web fonts may be fetched): Latin UI fonts first, then the common CJK faces.</summary>
    internal const string Css = """
:root{--red:#c5221f;--orange:#e8710a;--yellow:#e3a600;--green:#1e8e3e;--info:#6b7280;--ink:#1f2328;--muted:#5b6470;--line:#e1e5ea;--bg:#f4f6f8;--card:#fff;--due:#a8b8d8;--paid:#2f6fde}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:24px 24px 40px}
.head{display:flex;gap:24px;align-items:center;justify-content:space-between;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:22px 28px;border-top:6px solid var(--lv)}
.eyebrow{color:var(--muted);font-size:13px;letter-spacing:.06em}
h1{margin:4px 0 8px;font-size:26px;line-height:1.3;font-weight:650}
.meta{color:var(--muted);font-size:13px;display:flex;flex-wrap:wrap;gap:4px 20px}
.meta b{color:var(--ink);font-weight:600}
.badge{flex:none;display:flex;flex-direction:column;align-items:center;justify-content:center;width:136px;height:136px;border-radius:50%;background:var(--lv);color:#fff;text-align:center;box-shadow:0 0 0 6px color-mix(in srgb,var(--lv) 18%,transparent)}
.badge .big{font-size:56px;font-weight:800;line-height:1}
.badge .big.long{font-size:24px;letter-spacing:.04em}
.badge .small{font-size:13px;margin-top:6px;font-weight:600}
.lv-red{--lv:var(--red)}.lv-orange{--lv:var(--orange)}.lv-yellow{--lv:var(--yellow)}.lv-green{--lv:var(--green)}.lv-error{--lv:var(--info)}
.tiles{display:flex;gap:12px;flex-wrap:wrap}
.tile{flex:1 1 140px;border-radius:10px;padding:12px 16px;color:#fff;background:var(--lv);font-weight:600}
.tile b{display:block;font-size:30px;line-height:1.15;font-variant-numeric:tabular-nums}
.tile.lv-yellow{color:#3b2a00}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 24px;margin-top:16px}
h2{font-size:16px;margin:0 0 12px;font-weight:650}
h2 small{color:var(--muted);font-weight:400;font-size:12px;margin-left:8px}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px;background:#f8f9fb;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
.nowrap{white-space:nowrap}
table.totals{table-layout:fixed}
table.totals th{background:none;border:none;padding:0 12px 2px 0;font-weight:500}
table.totals td{border:none;padding:0 12px 0 0;font-size:24px;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap}
table.totals td.bad{color:var(--red)}
.unit{color:var(--muted);font-size:12px;margin-top:10px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px}
.stat{border:1px solid var(--line);border-radius:8px;padding:6px 12px;font-size:13px;color:var(--muted)}
.stat b{color:var(--ink);font-size:16px;margin-left:6px;font-variant-numeric:tabular-nums}
.stat.s3 b{color:var(--red)}.stat.s2 b{color:var(--orange)}.stat.s1 b{color:#9a6b00}
.ok{color:var(--green)}.warn{color:var(--red)}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
.grid>section{margin-top:0}
.row{margin-top:16px}
.sev,.grade{white-space:nowrap;display:inline-block;min-width:2.4em;padding:0 7px;border-radius:10px;color:#fff;font-size:12px;line-height:20px;text-align:center;font-weight:600}
.s3{--sv:var(--red)}.s2{--sv:var(--orange)}.s1{--sv:var(--yellow)}.s0{--sv:var(--info)}
.sev{background:var(--sv)}
.s1.sev{color:#3b2a00}
.grade-A{background:var(--green)}.grade-B{background:var(--orange)}.grade-C{background:var(--red)}
svg.chart{width:100%;height:auto;display:block;font-size:12px}
svg .axis,svg .value{fill:var(--muted)}
svg .label,svg .legend{fill:var(--ink)}
svg .grid{stroke:var(--line)}
svg .base{stroke:#9aa3ad}
svg rect.due{fill:var(--due)}svg rect.paid{fill:var(--paid)}
svg rect.s3,svg rect.grade-C{fill:var(--red)}svg rect.s2,svg rect.grade-B{fill:var(--orange)}svg rect.s1{fill:var(--yellow)}svg rect.s0,svg rect.grade-A{fill:var(--green)}svg rect.lv-red{fill:var(--red)}svg rect.lv-orange{fill:var(--orange)}svg rect.lv-yellow{fill:var(--yellow)}svg rect.lv-green{fill:var(--green)}svg rect.lv-error{fill:var(--info)}
.legend-line{font-size:12px;color:var(--muted);margin-top:6px}
.scroll{overflow-x:auto}
table.data td{font-size:13px}
table.data tbody tr:hover{background:#f3f6fb}
table.data td.msg{min-width:260px}
#findings td:nth-child(3){min-width:7em}
#findings td:nth-child(4){min-width:5em}
table.data small{display:block;color:var(--muted);font-size:11px}
.st{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;line-height:18px;border:1px solid var(--line,#ccd);white-space:nowrap}.st-new{background:#e8f1ff;color:#0b4ea2;border-color:#0b4ea2}.st-reopened{background:#fff1e6;color:#a33c00;border-color:#a33c00}.st-waived{color:var(--muted);text-decoration:line-through}.st-fix{background:#fdecec;color:#a30000;border-color:#a30000}
th[data-sort]{cursor:pointer;user-select:none}
th[data-sort]:hover{color:var(--ink)}
th[aria-sort=ascending]::after{content:" ▲";font-size:10px}
th[aria-sort=descending]::after{content:" ▼";font-size:10px}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:0 0 10px;font-size:13px;color:var(--muted)}
.filters label{display:inline-flex;gap:6px;align-items:center;color:var(--ink);cursor:pointer}
#findings.hide-red tr[data-severity=red],#findings.hide-orange tr[data-severity=orange],#findings.hide-yellow tr[data-severity=yellow],#findings.hide-info tr[data-severity=info]{display:none}
.empty{color:var(--muted);margin:4px 0}
a{color:#1a56db;text-decoration:none}a:hover{text-decoration:underline}
tr.failed td{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:18px;text-align:center}
@media (max-width:900px){.grid{grid-template-columns:1fr}.head{flex-direction:column-reverse;align-items:flex-start}}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}.head,section{border:none;border-radius:0;padding:8px 0;margin-top:8px}.head{border-top:6px solid var(--lv)}.no-print{display:none}.grid{grid-template-columns:1fr 1fr}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}thead{display:table-header-group}tr{break-inside:avoid}#findings tr{display:table-row!important}svg.chart{break-inside:avoid}}
""";

    /// <summary>Sort any <c>table.sortable</c> by a header click; toggle severity filters. Plain DOM, no dependencies.</summary>
    internal const string Script = """
(function(){
function key(td){var v=td.getAttribute('data-v');if(v===null)v=td.textContent.trim();var n=Number(v.replace(/,/g,''));return v!==''&&!isNaN(n)?n:v;}
function cmp(a,b){if(typeof a==='number'&&typeof b==='number')return a-b;if(typeof a==='number')return -1;if(typeof b==='number')return 1;return a.localeCompare(b,document.documentElement.lang);}
document.querySelectorAll('table.sortable').forEach(function(t){
var hs=t.tHead.rows[0].cells;
Array.prototype.forEach.call(hs,function(th,i){th.setAttribute('data-sort','');th.title=t.getAttribute('data-sort-hint')||'';th.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(hs,function(x){x.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
var ks=rows.map(function(r,j){return [key(r.cells[i]),j,r];});
ks.sort(function(x,y){return (asc?cmp(x[0],y[0]):cmp(y[0],x[0]))||x[1]-y[1];});
var f=document.createDocumentFragment();ks.forEach(function(k){f.appendChild(k[2]);});b.appendChild(f);});});});
document.querySelectorAll('.filters input[data-hide]').forEach(function(c){c.addEventListener('change',function(){
document.getElementById(c.getAttribute('data-target')).classList.toggle('hide-'+c.getAttribute('data-hide'),!c.checked);});});
})();
""";
}
