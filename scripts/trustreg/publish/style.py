"""The site's stylesheet (screen, small screens, print) and favicon.

Grades are told apart by glyph and label text everywhere; colour and border style only add to
that, by severity: green for a public yes, blue and purple for gated yeses, yellow for partial,
grey for unclear, orange for no public evidence and solid red for a documented no (the worst two
stand out). Every pair of text and background colours meets WCAG AA (4.5:1). A grade the
stylesheet does not name (a new one in the vocabulary) gets the neutral style.
"""

STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
a{color:#0b4a9e}
header.site{display:flex;flex-wrap:wrap;gap:.5em 2em;align-items:baseline;padding:.8em 1.5em;background:#14325c}
header.site a{color:#fff;font-weight:600;margin-right:1em}
main{max-width:72em;margin:0 auto;padding:1em 1.5em}
footer{max-width:72em;margin:2em auto;padding:1em 1.5em;border-top:1px solid #ccd;color:#3d4450;font-size:.9em}
.banner{background:#eef3fb;border-left:4px solid #14325c;padding:.4em .8em}
.crumbs{font-size:.9em;color:#3d4450}
.summary{font-size:1.05em}
.who{display:block;color:#3d4450;font-size:.9em;font-weight:400}
.watchouts{border:2px solid #a35500;border-radius:6px;padding:.5em 1em;background:#fff8ef}
.cell,.answer{border-top:1px solid #dde;padding:.6em 0}
.cell h3,.answer h3{margin:.2em 0}
.question,.meta,.note,.party{color:#3d4450}
.caveat{background:#fff3e0;padding:.2em .5em}
.stale{color:#8a3b00}
.attrs,.facts{font-size:.9em;margin:.2em 0}
.sources ul,.leads ul,ul.sources{margin:.2em 0;padding-left:1.2em}
.label{font-weight:600;margin:.4em 0 0}
.leads{font-size:.9em;color:#3d4450;margin-top:.6em;padding-left:.8em;border-left:3px dotted #99a}
.retrieved,.copyread{color:#3d4450;font-size:.9em}
blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccd;color:#2b2f36}
.grade{white-space:nowrap;border-radius:4px;padding:0 .4em;font-weight:600;font-size:.9em;border:1px solid #8a94a0;background:#f4f5f7;color:#2b2f36}
.g-yes_public{background:#d9f2dc;color:#145a1e;border-color:#5c9a66}
.g-yes_sales_gated{background:#e3ecfb;color:#173d7a;border:2px dashed #173d7a}
.g-yes_platform_only{background:#f1eafc;color:#48207a;border:2px dotted #48207a}
.g-partial{background:#fff0c2;color:#5c3f00;border-color:#a07a00}
.g-unclear{background:#eceff1;color:#2f3d44;border-color:#6d7b83}
.g-no_public_evidence{background:#ffe1cc;color:#6e2400;border:2px solid #c2410c}
.g-documented_no{background:#b3261e;color:#ffffff;border:2px solid #6e0f0a}
.draft{white-space:nowrap;border:1px dashed #5c4600;border-radius:4px;padding:0 .3em;margin-left:.3em;font-size:.8em;font-weight:600;background:#fffbe6;color:#4a3800}
.draft .dn{font-weight:400;white-space:normal}
.correct{font-size:.9em}
.cc .grade,.cc .draft{white-space:normal}
.k{font-weight:600}
.identity{margin:.2em 0}
table{border-collapse:collapse;margin:1em 0}
caption{text-align:left;color:#3d4450;font-size:.9em;padding:.2em 0}
th,td{border:1px solid #dde;padding:.3em .5em;text-align:left;vertical-align:top}
main:has(.matrix){max-width:none;padding:1em .8em}
.scroll{position:relative;overflow:auto;max-width:100%;max-height:85vh;border:1px solid #99a}
.matrix{border-collapse:separate;border-spacing:0;margin:0;font-size:.75em}
.matrix caption{position:sticky;left:0;padding:.3em .5em}
.matrix th,.matrix td{border:0;border-right:1px solid #dde;border-bottom:1px solid #dde;padding:.25em .3em}
.matrix thead th{position:sticky;top:0;z-index:2;background:#eef3fb;vertical-align:bottom;min-width:4.5em}
.matrix tbody th{position:sticky;left:0;z-index:1;background:#fff;min-width:7.5em;max-width:10em;border-right:2px solid #99a}
.matrix thead th:first-child{left:0;z-index:3;border-right:2px solid #99a}
.matrix td{text-align:center;min-width:4.5em}
.matrix td a{text-decoration:none;color:inherit;display:block}
.matrix td.g-yes_public,.matrix td.g-yes_sales_gated,.matrix td.g-yes_platform_only,.matrix td.g-partial,.matrix td.g-unclear,.matrix td.g-no_public_evidence,.matrix td.g-documented_no{border-radius:0;border-width:0 1px 1px 0;border-style:solid;border-color:#dde}
.matrix td.g-documented_no{border-color:#6e0f0a}
.matrix .gl{display:block}
.matrix .vm{display:block;font-size:.9em;font-style:italic}
.matrix .draft{display:inline-block;margin:.2em 0 0;background:#fffbe6;color:#4a3800}
.matrix .dn,.dl,.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.legend ul{list-style:none;padding:0}
.pick{display:flex;flex-wrap:wrap;gap:0 2em}
.pick p{min-width:0;max-width:100%}
select{max-width:100%;font:inherit}
@media (max-width:40em){
main{padding:.5em .8em}
header.site{padding:.6em .8em}
.matrix{font-size:.8em}
.matrix tbody th{min-width:6.5em;max-width:7.5em;overflow-wrap:anywhere}
.matrix .who{display:none}
.matrix thead th,.matrix td{min-width:5em}
}
@media print{
header.site nav,.sort,.pick{display:none}
body{font-size:11pt;color:#000}
main,footer{max-width:none;padding:0}
a{color:#000}
a[href]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
.cell,.answer,.cc,tr,blockquote,.watchouts,.grade{break-inside:avoid}
h2,h3{break-after:avoid}
.scroll{overflow:visible;max-height:none}
.matrix thead th,.matrix tbody th{position:static}
}
"""

FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           '<circle cx="8" cy="8" r="7" fill="#14325c"/></svg>\n')
