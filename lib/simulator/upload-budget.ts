import "server-only";

/**
 * The bytes of uploads in flight at once, across every client, and one client's share of them:
 * an upload reserves its declared length before its first byte is read, and gives it back when it
 * ends, stored or dropped. Past either bound it is refused, so twenty stalled uploads take what
 * the budget allows (of temporary files, then of memory for the ones that finish), not 500 MiB.
 */
export class UploadBudget {
  private held = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    readonly maxBytes: number,
    /** One client's share of `maxBytes`. */
    readonly clientShare = 0.5,
  ) {}

  /** Reserves `bytes` for `client`: a function that gives them back (once), or undefined when they do not fit. */
  reserve(client: string, bytes: number): (() => void) | undefined {
    const clientHeld = this.byClient.get(client) ?? 0;
    if (this.held + bytes > this.maxBytes || clientHeld + bytes > this.maxBytes * this.clientShare) return undefined;
    this.held += bytes;
    this.byClient.set(client, clientHeld + bytes);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= bytes;
      const left = (this.byClient.get(client) ?? bytes) - bytes;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }

  /** Bytes reserved now. */
  get heldBytes(): number {
    return this.held;
  }
}
