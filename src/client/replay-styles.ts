// Styles for the replay controls the client adds (purple: the colour of the `replaying` state).
// Three classes deep: the deck's block styles are scoped by Marpit (`div.marpit … section`).
export const REPLAY_CSS = `
.demystify-demo .demystify-demo__bar .demystify-demo__replay{background:#8957e5;border-color:#a371f7}
.demystify-demo .demystify-demo__bar .demystify-demo__replay[hidden]{display:none}
`;
