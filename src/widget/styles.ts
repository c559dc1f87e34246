/**
 * The shadow root's stylesheet. `.root` resets every inherited property (`all: initial`) so
 * host page CSS reaches nothing but the custom properties (--ns-*), which are the theming API;
 * the host box itself keeps `display: block` even against `!important` page rules.
 */
export const CSS = `
:host{display:block!important;
--a:var(--ns-accent,#0b57d0);--b:var(--ns-bg,#fff);--f:var(--ns-fg,#1b1b1f);--m:var(--ns-muted,#5c5f66);
--l:var(--ns-border,#c4c7cc);--v:var(--ns-hover,#eef3fd);--k:var(--ns-mark-bg,#ffe27a);--kf:var(--ns-mark-fg,inherit);
--e:var(--ns-error,#b3261e);--r:var(--ns-radius,8px)}
@media (prefers-color-scheme:dark){:host{--a:var(--ns-accent,#a8c7fa);--b:var(--ns-bg,#1e1f22);--f:var(--ns-fg,#e4e4e6);
--m:var(--ns-muted,#a9acb2);--l:var(--ns-border,#4a4c52);--v:var(--ns-hover,#2b3342);--k:var(--ns-mark-bg,#6d5b00);--e:var(--ns-error,#f2b8b5)}}
:host([hidden]){display:none!important}
[hidden]{display:none!important}
.root{all:initial;display:block;color-scheme:light dark;font-family:var(--ns-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
font-size:var(--ns-font-size,1rem);line-height:1.45;color:var(--f);background:var(--b);border-radius:var(--r)}
.root *{box-sizing:border-box}
button{font:inherit;color:inherit;cursor:pointer}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.bar{display:flex;align-items:center;border:1px solid var(--l);border-radius:var(--r);background:var(--b);position:relative;overflow:hidden}
.bar:focus-within{border-color:var(--a);box-shadow:0 0 0 1px var(--a)}
.bar>input{all:unset;flex:1;min-width:0;padding:.65em .85em;font:inherit;color:var(--f)}
.bar>input::placeholder{color:var(--m);opacity:1}
.bar>input::-webkit-search-cancel-button{display:none}
.x{border:0;background:none;padding:.3em .7em;font-size:1.25em;line-height:1;color:var(--m)}
.x:focus-visible{outline-offset:-4px}
.bar::after{content:"";position:absolute;left:0;right:0;bottom:0;height:2px;background:var(--a);transform:scaleX(0);transform-origin:left}
.busy .bar::after{animation:ns-load 1.2s ease-in-out infinite}
@keyframes ns-load{0%{transform:scaleX(0)}60%{transform:scaleX(.8)}100%{transform:scaleX(1);opacity:0}}
.st{margin:.5em .2em 0;font-size:.9em;color:var(--m);min-height:1.3em}
.err{color:var(--e)}
.retry,.more,.tab{border:1px solid var(--l);background:var(--b);border-radius:999px;padding:.3em .9em;font-size:.9em}
.retry{margin:.4em .2em}
.panel{display:flex;flex-wrap:wrap;gap:.5em 1.25em;margin-top:.5em;container-type:inline-size}
.tabs{flex:1 1 100%;display:flex;flex-wrap:wrap;gap:.4em;order:-2}
@container (min-width:36em){.facets{order:-1}}
.tab[aria-pressed=true]{background:var(--a);border-color:var(--a);color:var(--b)}
.facets{flex:1 1 11em;max-width:100%}
.main{flex:999 1 20em;min-width:0}
fieldset{border:0;margin:0 0 .9em;padding:0;min-width:0}
legend{padding:0;margin-bottom:.25em;font-weight:600;font-size:.9em}
label{display:flex;align-items:baseline;gap:.45em;padding:.12em 0;cursor:pointer;font-size:.92em}
label>input{margin:0;accent-color:var(--a);flex:none}
label>.n{overflow-wrap:anywhere}
label>.c{margin-left:auto;color:var(--m);font-size:.9em;font-variant-numeric:tabular-nums}
.ot{margin:.2em 0 0;font-size:.8em;color:var(--m)}
.list{max-height:var(--ns-results-max-height,none);overflow:auto}
.h{margin:.7em .75em .15em;font-size:.78em;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:var(--m)}
.o{display:block;padding:.5em .7em;border:2px solid transparent;border-radius:calc(var(--r) - 2px);cursor:pointer;overflow-wrap:anywhere}
.o:hover{background:var(--v)}
.o[aria-selected=true]{background:var(--v);border-color:var(--a)}
.t{display:block;font-weight:600;color:var(--a)}
.m{display:block;font-size:.84em;color:var(--m)}
.s{display:block;font-size:.93em;margin-top:.15em}
.sg{display:flex;gap:.6em;align-items:baseline;padding:.3em .7em}
.sg>.m{margin-left:auto}
mark{background:var(--k);color:var(--kf);border-radius:2px;padding:0 .05em}
.more{display:block;margin:.6em auto 0}
@media (prefers-reduced-motion:reduce){*,::after{animation:none!important;transition:none!important}.busy .bar::after{transform:scaleX(1);opacity:.5}}
@media (forced-colors:active){.o[aria-selected=true]{outline:2px solid Highlight}}
`;
