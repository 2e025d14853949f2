import { describe, expect, it } from "vitest";
import { decodeEntities, parseSnippet } from "../../../web/src/snippet.ts";

describe("parseSnippet", () => {
  it("turns <mark> into highlighted segments and keeps the rest as text", () => {
    expect(parseSnippet("Uppföljning av <mark>trygghet</mark> och säkerhet")).toEqual([
      { text: "Uppföljning av ", mark: false },
      { text: "trygghet", mark: true },
      { text: " och säkerhet", mark: false },
    ]);
  });

  it("shows escaped markup as the literal text, never as an element", () => {
    const segments = parseSnippet("före &lt;script&gt;alert(1)&lt;/script&gt; efter");
    expect(segments).toEqual([{ text: "före <script>alert(1)</script> efter", mark: false }]);
  });

  it("keeps raw tags other than <mark> as plain text", () => {
    const segments = parseSnippet('<img src=x onerror="alert(1)"><mark>bygglov</mark><b>fet</b>');
    expect(segments).toEqual([
      { text: '<img src=x onerror="alert(1)">', mark: false },
      { text: "bygglov", mark: true },
      { text: "<b>fet</b>", mark: false },
    ]);
    expect(segments.every((s) => typeof s.text === "string")).toBe(true);
  });

  it("does not treat mark-like tags with attributes as markup", () => {
    expect(parseSnippet('<mark onclick="x()">a</mark>')).toEqual([{ text: '<mark onclick="x()">a', mark: false }]);
  });

  it("decodes entities inside highlighted text", () => {
    expect(parseSnippet("<mark>Barn- &amp; utbildningsnämnden</mark>")).toEqual([
      { text: "Barn- & utbildningsnämnden", mark: true },
    ]);
  });

  it("accepts upper-case tags, ignores stray closing tags and merges neighbours", () => {
    expect(parseSnippet("a</mark>b<MARK>c</MARK><mark>d</mark>")).toEqual([
      { text: "ab", mark: false },
      { text: "cd", mark: true },
    ]);
  });

  it("treats an unclosed <mark> as highlighting to the end", () => {
    expect(parseSnippet("x <mark>KS-2020/42")).toEqual([
      { text: "x ", mark: false },
      { text: "KS-2020/42", mark: true },
    ]);
  });

  it("returns no segments for an empty snippet", () => {
    expect(parseSnippet("")).toEqual([]);
  });
});

describe("decodeEntities", () => {
  it("decodes the named, decimal and hex entities the API emits", () => {
    expect(decodeEntities("&amp; &lt; &gt; &quot; &#39; &apos;")).toBe("& < > \" ' '");
    expect(decodeEntities("&#167; 8 &#x2013; &#XE5;")).toBe("§ 8 – å");
  });

  it("decodes only once, so double-escaped text stays escaped", () => {
    expect(decodeEntities("&amp;lt;script&amp;gt;")).toBe("&lt;script&gt;");
  });

  it("keeps unknown or malformed entities verbatim and replaces invalid code points", () => {
    expect(decodeEntities("&bogus; & &amp &#;")).toBe("&bogus; & &amp &#;");
    expect(decodeEntities("&#0; &#xD800; &#x110000;")).toBe("\ufffd \ufffd \ufffd");
  });
});
