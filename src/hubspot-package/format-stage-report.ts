import { relative } from 'node:path';
import type { StageReport } from './stage-hubspot-project.ts';

/** What `npm run hubspot:stage` prints: the files written, what is missing, and the command to run next. */
export function formatStageReport(report: StageReport, cwd: string): string {
  const dir = relative(cwd, report.outDir) || '.';
  const lines = [
    `staged the HubSpot project in ${dir}/ for ${report.publicBaseUrl}:`,
    ...report.files.map((file) => `  ${file}`),
  ];
  if (report.missingEntrypoints.length > 0) {
    lines.push(
      `warning: no file for the entrypoint(s) ${report.missingEntrypoints.join(', ')} (write them in cards/): HubSpot's build will fail until then`,
    );
  }
  lines.push(`next: cd ${dir} && hs project upload`);
  return lines.join('\n');
}
