/**
 * Encodes a page of text pieces into one reused buffer, each piece written once as UTF-8. Building
 * one long string and converting it costs a flatten, a length pass and an encode pass, and a new
 * buffer per page; this is one pass and no per-page allocation once the buffer has grown.
 */
export class ByteBuilder {
  private buf: Buffer;
  private len = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  add(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    const worst = text.length * 3;
    if (this.len + worst > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + worst));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    this.len += this.buf.write(text, this.len, 'utf8');
  }

  /** The bytes added since the last take; valid until the next add. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.len);
    this.len = 0;
    return out;
  }
}
