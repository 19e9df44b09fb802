// fast-check generators of ansible.cfg-like text: real shapes plus every corner ConfigParser has
// (indentation, both delimiters, `;` and `#` in odd places, Python-only whitespace, BOM, CR).
import fc from "fast-check";

const ws = fc.constantFrom("", " ", "  ", "\t", " \t", "\u00a0", "\x1c", "\u3000", "\f");
const keyWord = fc.constantFrom(
  "token",
  "Token",
  "TOKEN",
  "url",
  "server_list",
  "k",
  "key with space",
  "Ärger",
  "İ",
  "a#b",
  "[x",
  "x]",
);
const valueWord = fc.constantFrom(
  "",
  "v",
  "https://hub.example.com:443/api?a=b",
  "a;b",
  "a ;b",
  ";x",
  "# not comment",
  "%(x)s",
  '"quoted"',
  "'q'",
  "a, b",
  "=",
  ":",
  "[s]",
  "\ufeff",
  "x\ry",
);
const sectionName = fc.constantFrom(
  "defaults",
  "DEFAULT",
  "galaxy",
  "galaxy_server.a",
  "Galaxy",
  " sp ",
  "a]b",
  "default",
  "x",
);

const lineArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(ws, sectionName, fc.constantFrom("]", "", "] ; c", "]x", "];c"))
      .map(([i, n, close]) => `${i}[${n}${close}`),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        ws,
        keyWord,
        ws,
        fc.constantFrom("=", ":", "=", " = ", "=", ":", ""),
        ws,
        valueWord,
        fc.constantFrom("", " ; c", ";c", " # c", "\t;"),
      )
      .map(([i, k, a, d, b, v, c]) => `${i}${k}${a}${d}${b}${v}${c}`),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(" ", "  ", "\t", "    "), valueWord).map(([i, v]) => i + v),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(ws, fc.constantFrom("#", ";"), valueWord).map(([i, m, v]) => `${i}${m} ${v}`),
  },
  { weight: 2, arbitrary: ws },
  {
    weight: 1,
    arbitrary: fc.constantFrom("= x", ": y", "junk", "<<<<<<< HEAD", "[]", "[", "]", "k = v", "K: w"),
  },
);

export const cfgTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "", "", "", "", "", "", "\ufeff"),
    fc.constantFrom(true, true, true, false),
    fc.array(lineArb, { maxLength: 12 }),
    fc.constantFrom("\n", "\r\n"),
    fc.boolean(),
  )
  .map(([bom, header, lines, nl, finalNewline]) => {
    const all = header ? ["[galaxy]", ...lines] : lines;
    const text = all.join(nl);
    return bom + text + (finalNewline && all.length > 0 ? nl : "");
  });
