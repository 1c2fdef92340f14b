// The HTML report's inline CSS (verdict colours, sequence lanes, charts, matrix) and its small script (filters,
// opening and highlighting the target of an evidence link). Without the script every part is still readable.
#include "html_report.h"

namespace gbc {

std::string htmlStyle()
{
    return R"(<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f24}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:4px 0}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-radius:4px;display:inline-block}
.PASS{background:#e3f6e5;color:#135c1f}.FAIL{background:#fde7e7;color:#8a1111}.WARN{background:#fff4d6;color:#6b4e00}
.SKIP{background:#eef0f3;color:#4b5563}.ERROR{background:#f3e8ff;color:#5b1a8a}
span.PASS,span.FAIL,span.WARN,span.SKIP,span.ERROR{padding:0 5px;border-radius:3px;font-weight:600;font-size:12px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:360px;white-space:pre-wrap;word-break:break-all}
details{margin:4px 0}summary{cursor:pointer}.muted{color:#6b7280}
.grp{border-left:4px solid #c62828;padding:4px 12px;margin:10px 0;background:#fffafa}.grp p{margin:4px 0}
#warnings .grp{border-color:#d4a017;background:#fffdf5}.first{background:#f6f8fa;padding:6px 8px;border-radius:4px}
.vl a{margin-right:6px}.var>summary{padding:4px 0}.var{border-top:1px solid #eee}
#flt{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #ddd;z-index:2}#flt label{margin-right:12px}
.hl,:target{outline:3px solid #f59e0b;background:#fff7d6!important}
.mxw{overflow:auto}.mx td,.mx th{padding:0 2px;font-size:11px;border:1px solid #eee}.mx th{white-space:nowrap}
.mx .P{background:#e3f6e5;color:#135c1f}.mx .F{background:#fde7e7;color:#8a1111}.mx .W{background:#fff4d6;color:#6b4e00}
.mx .S{background:#eef0f3;color:#4b5563}.mx .E{background:#f3e8ff;color:#5b1a8a}.mx td a{display:block;min-width:12px;text-align:center;text-decoration:none;color:inherit}
.mx th.vh{vertical-align:bottom;padding:2px 0}.mx th.vh span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
.sq{position:relative;width:896px;font-size:11px;background:repeating-linear-gradient(90deg,transparent 0 63px,#c7cdd4 63px 64px,transparent 64px 128px)}
.sqh{display:flex;background:#fff;border-bottom:1px solid #ddd}.sqh span{width:128px;text-align:center;font-weight:600;padding:2px 0}
.sq h5{margin:0;padding:8px 4px 2px;font-size:12px;background:linear-gradient(90deg,#fff 40%,transparent)}
.sq>a,.sq>p{display:block;position:relative;height:34px;margin:0;padding-left:70px;line-height:14px;white-space:nowrap;color:#1f2937;text-decoration:none}
.sq>a::before,.sq>p::before{content:"";position:absolute;left:64px;top:15px;width:calc(var(--l)*128px - 8px);border-top:1.5px solid #1f2937}
.sq>a::after,.sq>p::after{content:"";position:absolute;top:11px;left:calc(56px + var(--l)*128px);border:5px solid transparent;border-left:8px solid #1f2937;border-right:0}
.sq b{position:absolute;left:68px;top:18px;width:calc(var(--l)*128px - 12px);border-bottom:1px dashed currentColor;text-align:right;padding-right:6px;line-height:13px;font-weight:600}
.sq b::before{content:"";position:absolute;left:-4px;bottom:-5px;border:5px solid transparent;border-right:8px solid currentColor;border-left:0}
.L1{--l:1}.L2{--l:2}.L3{--l:3}.L4{--l:4}.L5{--l:5}.L6{--l:6}.sq b{color:#135c1f}.sq .s4{color:#8a5a00}.sq .s5{color:#8a1111}
.chart .axis{stroke:#6b7280;fill:none}.chart .grid{stroke:#e5e7eb}.chart .tick{font-size:10px;fill:#4b5563;text-anchor:middle}
.yaxis .tick{text-anchor:end}.xaxis .s{text-anchor:start}.xaxis .e{text-anchor:end}.chart .alabel{text-anchor:middle}.chart .alabel{font-size:11px;font-weight:600;fill:#1f2937}
.chart .line{fill:none;stroke:#2563eb;stroke-width:1.2}.chart .dstl{stroke:#d97706;stroke-dasharray:4 3}.chart .ctitle{font-size:12px;font-weight:600}
</style>)";
}

std::string htmlScript()
{
    return R"(<script>
(function(){
function $(i){return document.getElementById(i)}
function show(h){var el=h&&$(h);if(!el)return;for(var p=el;p;p=p.parentElement)if(p.tagName=='DETAILS')p.open=true;
document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl')});el.classList.add('hl');
var q=h[0]=='e'&&$('q'+h.slice(1));if(q)q.classList.add('hl');el.scrollIntoView({block:'center'})}
addEventListener('hashchange',function(){show(location.hash.slice(1))});
document.addEventListener('click',function(e){var a=e.target.closest('a[href^="#"]');if(a)setTimeout(function(){show(a.getAttribute('href').slice(1))},0)});
if(location.hash)show(location.hash.slice(1));
var f=$('flt');if(!f)return;f.hidden=false;
function has(list,x){return !x||(' '+list+' ').indexOf(' '+x+' ')>=0}
function apply(){var v=$('fv').value,p=$('fp').value,u=$('fu').value,t=$('ft').value.toLowerCase(),n=0;
document.querySelectorAll('.grp').forEach(function(g){var ok=has(g.dataset.v,v)&&(!p||g.dataset.p==p)&&has(g.dataset.u,u)&&(!t||g.textContent.toLowerCase().indexOf(t)>=0);g.hidden=!ok;if(ok)n++});
document.querySelectorAll('.var,.mx tr[data-u]').forEach(function(r){r.hidden=!(has(r.dataset.u,u)&&has(r.dataset.vs,v)&&(!t||r.dataset.t.toLowerCase().indexOf(t)>=0))});
$('fn').textContent=n+' group(s) shown'}
f.addEventListener('input',apply);f.addEventListener('change',apply);apply()})();
</script>)";
}

} // namespace gbc
