export interface ProgressLine {
  update(done: number, total: number): void;
  finish(done: number, total: number): void;
}

/**
 * Backfill progress on stderr: on a terminal one line redrawn in place with a bar; otherwise (CI, pipes) a plain line
 * whenever the count changes, so logs stay readable.
 */
export function progressLine(
  label: string,
  stream: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
): ProgressLine {
  let last = -1;
  const render = (done: number, total: number) => {
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  };
  return {
    update(done, total) {
      if (done === last || total === 0) return;
      last = done;
      stream.write(stream.isTTY ? `\r${render(done, total)}` : `${label}: ${done}/${total}\n`);
    },
    finish(done, total) {
      if (stream.isTTY) stream.write(`\r${render(done, total)}\n`);
      else if (done !== last) stream.write(`${label}: ${done}/${total}\n`);
      last = done;
    },
  };
}
