import { Fd, wasi } from "@bjorn3/browser_wasi_shim";

function characterDevice(rights: number): { ret: number; fdstat: wasi.Fdstat } {
  const fdstat = new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, 0);
  fdstat.fs_rights_base = BigInt(rights);
  return { ret: wasi.ERRNO_SUCCESS, fdstat };
}

/**
 * A write-only console that keeps at most `limit` bytes and remembers whether more were written.
 * The guest is told every write succeeded, so a script past its cap runs on unaware.
 */
export class CaptureFd extends Fd {
  private buffer = new Uint8Array(256);
  private length = 0;
  private limit = 0;
  truncated = false;

  /** Empties the capture and sets the cap for the next invocation. */
  reset(limit: number): void {
    this.length = 0;
    this.limit = limit;
    this.truncated = false;
  }

  /** A copy of the captured bytes. */
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    const room = this.limit - this.length;
    const kept = Math.min(room, data.byteLength);
    if (kept < data.byteLength) this.truncated = true;
    if (kept > 0) {
      this.grow(this.length + kept);
      this.buffer.set(kept === data.byteLength ? data : data.subarray(0, kept), this.length);
      this.length += kept;
    }
    return { ret: wasi.ERRNO_SUCCESS, nwritten: data.byteLength };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    return characterDevice(wasi.RIGHTS_FD_WRITE);
  }

  private grow(needed: number): void {
    if (needed <= this.buffer.byteLength) return;
    let size = this.buffer.byteLength * 2;
    while (size < needed) size *= 2;
    const buffer = new Uint8Array(Math.min(size, Math.max(needed, this.limit)));
    buffer.set(this.buffer.subarray(0, this.length));
    this.buffer = buffer;
  }
}

/** Standard input that is always at end of file. */
export class EmptyInputFd extends Fd {
  override fd_read(): { ret: number; data: Uint8Array } {
    return { ret: wasi.ERRNO_SUCCESS, data: new Uint8Array(0) };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    return characterDevice(wasi.RIGHTS_FD_READ);
  }
}
