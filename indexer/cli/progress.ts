/** A one-line progress bar on a terminal; silent when stderr is not a TTY. */
export class ProgressBar {
  private done = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 0;
  }

  tick(label: string): void {
    this.done++;
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const columns = this.stream.columns ?? 100;
    const line = `${bar} ${this.done}/${this.total} ${label}`.slice(0, columns - 1);
    this.stream.write(`\r\x1b[2K${line}`);
  }

  finish(): void {
    if (this.enabled) this.stream.write("\r\x1b[2K");
  }
}
