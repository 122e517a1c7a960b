// Styles for what the client adds to the deck (the block itself is styled by the build).
export const CLIENT_CSS = `
.demystify-demo__notice{margin-left:auto;font-size:.8em;color:#f2cc60;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
.demystify-demo__notice+.demystify-demo__status{margin-left:0}
.demystify-demo__run[data-demo-offline]{opacity:.45;cursor:not-allowed}
.demystify-term{position:relative;overflow:auto;overscroll-behavior:contain}
.demystify-term__lines{white-space:pre-wrap;overflow-wrap:anywhere}
.demystify-term__line{min-height:1lh}
:is([data-demystify-mode=live],[data-demystify-mode=replay]) .demystify-term__line{content-visibility:auto;contain-intrinsic-size:auto 1lh}
.demystify-term.demystify-term--empty{display:flex;align-items:center;justify-content:center}
.demystify-term.demystify-term--empty>*{display:none}
.demystify-term.demystify-term--empty::before{content:attr(data-demo-placeholder);color:#6e7681;font-style:italic;font-family:'DejaVu Sans',system-ui,sans-serif;border:1px dashed #30363d;border-radius:.4em;padding:.4em 1em}
.demystify-term__hidden{font-style:italic;opacity:.65;font-size:.85em;margin-bottom:.2em}
.demystify-term__follow{position:sticky;bottom:.2em;float:right;font:inherit;font-size:.8em;padding:.1em .6em;border-radius:1em;border:0;background:#326ce5;color:#fff;cursor:pointer}
.demystify-strip{position:absolute;right:24px;top:8px;display:flex;gap:5px;font:600 13px/1 'DejaVu Sans',system-ui,sans-serif;z-index:5;pointer-events:none}
.demystify-strip[hidden]{display:none}
.demystify-strip__chip{padding:3px 7px;border-radius:10px;background:#e8eefc;color:#1d3f8f;border:1px solid #326ce5}
.demystify-strip__chip[data-demo-state=ready],.demystify-strip__chip[data-demo-state=running]{background:#326ce5;color:#fff}
.demystify-strip__chip[data-demo-state=starting]{background:#fff4d6;color:#7a5a00;border-color:#e0a800}
.demystify-strip__chip[data-demo-state=failed]{background:#ffe1e1;color:#a40000;border-color:#d33}
.demystify-strip__chip[data-demo-state=replaying]{background:#efe3ff;color:#5b2a99;border-color:#8a4fd8}
.demystify-connection{position:fixed;top:0;left:50%;transform:translateX(-50%);z-index:1000;padding:.4em 1em;border-radius:0 0 .5em .5em;background:#a40000;color:#fff;font:600 16px system-ui,sans-serif}
.demystify-connection[hidden]{display:none}
`;
