import { Project } from "ts-morph";
const p = new Project({ useInMemoryFileSystem: true });
for (const d of ["a /* b", "a *\\/ b", "a **\\/** b", "a \\/** b", "a /** b", "a // b", "a ` b", "a ' b", "a \" b"]) {
  const f = p.createSourceFile("/a.ts", "", { overwrite: true });
  try { f.addFunction({ name: "x", docs: [{ description: d, tags: [{ tagName: "param", text: "x - y" }] }] }); console.log("ok  ", JSON.stringify(d)); }
  catch { console.log("FAIL", JSON.stringify(d)); }
}
