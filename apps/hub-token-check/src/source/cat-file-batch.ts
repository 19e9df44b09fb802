/**
 * Reads `git cat-file --batch` output as it arrives: per object `<oid> <type> <size>\n<content>\n`, or
 * `<oid> missing\n` (any header of two fields has no content). Pieces may split anywhere, a header or a
 * blob included. `onObject` gets each object once it is whole: a blob's bytes, or `undefined` for a
 * missing object or one that is no blob. The bytes are only valid during the call (they may be a view
 * of the piece that carried them), so nothing keeps a blob once it is judged.
 */
export type BatchReader = {
  push: (chunk: Buffer) => void;
  /** The output is over: throws if it stopped inside an object. */
  end: () => void;
};

const LF = 10;

function malformed(what: string): Error {
  return new Error(`git cat-file --batch gave ${what}`);
}

export function catFileBatchReader(onObject: (oid: string, bytes: Buffer | undefined) => void): BatchReader {
  /** The header line so far, when it came in several pieces. */
  let header: Buffer[] = [];
  let oid = "";
  let isBlob = false;
  /** The content being filled across pieces (undefined between objects), and how much of it is. */
  let body: Buffer | undefined;
  let filled = 0;
  /** The line feed after an object's content is still to come. */
  let wantLf = false;

  function finish(bytes: Buffer): void {
    body = undefined;
    wantLf = true;
    onObject(oid, isBlob ? bytes : undefined);
  }

  /** `<oid> <type> <size>` or `<oid> missing`, in ASCII (latin1 is the cheaper decoding). */
  function readHeader(line: string): number | undefined {
    const [id = "", type = "", size] = line.split(" ");
    oid = id;
    if (size === undefined) {
      onObject(id, undefined);
      return undefined;
    }
    const length = Number(size);
    if (id === "" || type === "" || !/^[0-9]+$/.test(size) || !Number.isSafeInteger(length)) {
      throw malformed(`a header it should not: ${JSON.stringify(line.slice(0, 100))}`);
    }
    isBlob = type === "blob";
    return length;
  }

  function push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (wantLf) {
        if (chunk[at] !== LF) throw malformed(`no line feed after the content of ${oid}`);
        wantLf = false;
        at += 1;
      } else if (body !== undefined) {
        const n = Math.min(body.length - filled, chunk.length - at);
        chunk.copy(body, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === body.length) finish(body);
      } else {
        const eol = chunk.indexOf(LF, at);
        if (eol < 0) {
          header.push(chunk.subarray(at));
          return;
        }
        const line =
          header.length === 0
            ? chunk.toString("latin1", at, eol)
            : Buffer.concat([...header, chunk.subarray(at, eol)]).toString("latin1");
        header = [];
        at = eol + 1;
        const size = readHeader(line);
        if (size === undefined) continue;
        if (chunk.length - at >= size) {
          // The whole content is in this piece: a view, no copy.
          at += size;
          finish(chunk.subarray(at - size, at));
        } else {
          body = Buffer.allocUnsafe(size);
          filled = 0;
        }
      }
    }
  }

  return {
    push,
    end: () => {
      if (header.length > 0 || body !== undefined || wantLf) {
        throw malformed(`output that stops inside ${header.length > 0 ? "a header" : `the object ${oid}`}`);
      }
    },
  };
}
