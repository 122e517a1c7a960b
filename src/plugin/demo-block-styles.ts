// The demo block's look, theme-independent: a compact terminal on the slide. Under Marp the plugin
// adds it to the deck's global styles (Marpit scopes it to slides), before the deck's own <style>,
// so a deck can still override it. Sized in em of the slide font (Gaia: 35px → 21px commands) for
// a 1280×720 projector. A slide with demos is a flex column: blocks share the height left under
// the heading (commands first, then the outputs share the rest, never past the slide), the command shows up to 10 lines whole (then scrolls), and the
// output takes the rest and scrolls. Printed (PDF), the buttons and status are hidden and the
// empty output shows its placeholder, labelled as the live-demo area.
export const DEMO_BLOCK_CSS = `
section:has(.demystify-demo) { display: flex; flex-direction: column; }
section:has(.demystify-demo) > * { flex: 0 0 auto; }
section:has(.demystify-demo) > .demystify-demo { flex: 1 1 auto; }
.demystify-demo {
  display: flex; flex-direction: column; min-height: 0; margin: 0.5em 0 0;
  font-size: 0.6em; line-height: 1.35; letter-spacing: 0; text-align: left;
  color: #e6edf3; background: #0d1117; border: 1px solid #30363d; border-radius: 0.5em; overflow: hidden;
  font-family: "DejaVu Sans Mono", ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}
.demystify-demo__bar {
  display: flex; align-items: center; gap: 0.6em; padding: 0.35em 0.6em;
  background: #161b22; border-bottom: 1px solid #30363d;
  font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 0.85em;
}
.demystify-demo__run, .demystify-demo__stop {
  font: inherit; font-weight: bold; line-height: 1.2; margin: 0; padding: 0.25em 0.9em;
  border: 1px solid transparent; border-radius: 999px; cursor: pointer; color: #ffffff;
}
.demystify-demo__run { background: #238636; border-color: #2ea043; }
.demystify-demo__stop { background: #b62324; border-color: #da3633; }
.demystify-demo__run:disabled, .demystify-demo__stop:disabled { opacity: 0.45; cursor: default; }
.demystify-demo__run:focus-visible, .demystify-demo__stop:focus-visible { outline: 2px solid #58a6ff; outline-offset: 2px; }
.demystify-demo__status {
  margin-left: auto; padding: 0.15em 0.8em; border-radius: 999px; font-weight: bold;
  color: #e6edf3; background: #30363d;
}
.demystify-demo[data-demo-state="starting"] .demystify-demo__status { background: #9e6a03; }
.demystify-demo[data-demo-state="running"] .demystify-demo__status { background: #1f6feb; }
.demystify-demo[data-demo-state="ready"] .demystify-demo__status { background: #238636; }
.demystify-demo[data-demo-state="exited"] .demystify-demo__status { background: #484f58; }
.demystify-demo[data-demo-state="failed"] .demystify-demo__status { background: #da3633; }
.demystify-demo[data-demo-state="replaying"] .demystify-demo__status { background: #8957e5; }
.demystify-demo .demystify-demo__command {
  flex: 0 0 auto; max-height: calc(10 * 1.35em + 0.9em); overflow: auto; margin: 0; padding: 0.45em 0.8em;
  font-family: inherit; font-size: 1em; line-height: 1.35; color: #e6edf3; background: #0d1117;
  border: 0; border-bottom: 1px solid #30363d; border-radius: 0;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.demystify-demo .demystify-demo__command > code {
  display: inline; padding: 0; margin: 0; font: inherit; color: inherit; background: none; white-space: inherit;
}
.demystify-demo__command [class^="hljs-"], .demystify-demo__command [class*=" hljs-"] { color: inherit; font-weight: normal; font-style: normal; }
.demystify-demo__command .hljs-built_in, .demystify-demo__command .hljs-keyword { color: #d2a8ff; }
.demystify-demo__command .hljs-string { color: #a5d6ff; }
.demystify-demo__command .hljs-variable, .demystify-demo__command .hljs-template-variable, .demystify-demo__command .hljs-subst { color: #ffa657; }
.demystify-demo__command .hljs-comment, .demystify-demo__command .hljs-meta { color: #8b949e; font-style: italic; }
.demystify-demo__command .hljs-number, .demystify-demo__command .hljs-literal { color: #79c0ff; }
.demystify-demo__prompt { color: #7ee787; font-weight: bold; user-select: none; }
.demystify-demo[data-demo-root="true"] .demystify-demo__prompt { color: #ff7b72; }
.demystify-demo__output {
  flex: 1 1 0; min-height: 2.6em; overflow: auto; margin: 0; padding: 0.4em 0.8em;
  font-family: inherit; font-size: 0.85em; line-height: 1.3; color: #c9d1d9; background: #010409;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.demystify-demo__output:empty { display: flex; align-items: center; justify-content: center; }
.demystify-demo__output:empty::before {
  content: attr(data-demo-placeholder); color: #6e7681; font-style: italic;
  font-family: "DejaVu Sans", system-ui, sans-serif; border: 1px dashed #30363d; border-radius: 0.4em; padding: 0.4em 1em;
}
@media print {
  .demystify-demo__bar { display: none; }
}
`;
