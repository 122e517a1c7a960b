// The rehearsal: which steps (plan), running them (run), and what the speaker reads (table, chart).
export { createRehearsalPlan, isOnlineDemo } from './rehearsal-plan.ts';
export type { RehearsalPlan, RehearsalSelection, RehearsalStep } from './rehearsal-plan.ts';
export { runRehearsal, isStepSuccess, renderOutputTail, OUTPUT_TAIL_LINES } from './run-rehearsal.ts';
export type { RehearsalOutcome, RunRehearsalOptions, StepResult } from './run-rehearsal.ts';
export { renderRehearsalTable, renderStepEnding, formatBytes } from './render-rehearsal-report.ts';
export type { RehearsalReport } from './render-rehearsal-report.ts';
export { renderRehearsalChart } from './render-rehearsal-chart.ts';
