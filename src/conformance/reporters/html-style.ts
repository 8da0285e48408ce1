/**
 * The HTML report's only style sheet, inline. Readable from 390 px to 1600 px without sideways
 * scrolling: no tables, long merchant text and URLs wrap anywhere, check ids never break mid-word,
 * curl lines wrap inside their own box. Colours keep at least 4.5:1 contrast (axe-core checks it).
 */
export const HTML_STYLE = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:64rem;padding:1rem;color:#1f2328;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.35rem;margin:.1rem 0 .5rem;line-height:1.25}
h2{font-size:1.15rem;margin:1.8rem 0 .5rem;line-height:1.3}
h3{font-size:1rem;margin:0 0 .3rem;line-height:1.4}
[id]{scroll-margin-top:.5rem}
a{color:#0550ae}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
code.id{white-space:nowrap;overflow-wrap:normal;font-weight:600}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6rem .7rem;margin:.3rem 0 0;line-height:1.45;white-space:pre-wrap;overflow-wrap:anywhere;max-height:24rem;overflow-y:auto}
p{margin:.25rem 0}
.kicker{margin:0;color:#57606a;font-size:.85rem}
.banner{display:flex;flex-wrap:wrap;gap:.2rem .8rem;align-items:baseline;padding:.6rem .9rem;border-radius:8px;color:#fff;margin:.3rem 0}
.banner strong{font-size:1.5rem;letter-spacing:.06em}
.banner.pass{background:#116329}.banner.fail{background:#a40e26}.banner.skip{background:#57606a}
.meta{color:#57606a;font-size:.85rem}
.badge{display:inline-block;border-radius:4px;padding:0 .35rem;font-weight:600;font-size:12px;line-height:1.6;color:#fff;white-space:nowrap;vertical-align:.08em}
.badge.pass{background:#116329}.badge.fail{background:#a40e26}.badge.warn{background:#7d4e00}.badge.error{background:#6639ba}.badge.skip{background:#57606a}
ol.fixes{padding-left:1.7rem;margin:.3rem 0}
ol.fixes>li{margin:0 0 .7rem}
.how strong,.why strong{font-weight:600}
.why,.then,.used{color:#57606a;font-size:.9rem}
.finding{border:1px solid #d0d7de;border-left:4px solid #a40e26;border-radius:6px;padding:.6rem .8rem;margin:.7rem 0}
.finding.warn{border-left-color:#7d4e00}.finding.error{border-left-color:#6639ba}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .8rem;margin:.4rem 0}
dl.facts dt{color:#57606a}
dl.facts dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
@media (max-width:34rem){dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{margin:0 0 .3rem}}
details{margin:.5rem 0}
summary{cursor:pointer;color:#0550ae}
ul.checks{list-style:none;padding:0;margin:.3rem 0}
ul.checks>li{padding:.35rem 0;border-top:1px solid #eaeef2}
ul.checks .why{display:block}
.endpoint{color:#57606a}
nav ol{padding-left:1.3rem;margin:.2rem 0}nav ul{padding-left:1.1rem;margin:.1rem 0}nav li{margin:.1rem 0}
dl.about{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .8rem}
dl.about dd{margin:0}
@media (max-width:34rem){dl.about{grid-template-columns:minmax(0,1fr)}dl.about dd{margin:0 0 .3rem}}`;
