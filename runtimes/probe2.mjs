import { Sandbox } from "@kobako/node";

const s = new Sandbox({ timeout: 300 });
for (const src of [
  "s = 'a' * 400_000\nt = 'a' * 200_000 + 'b'\ns.index(t)",
  "begin\n  loop {}\nrescue Exception\n  retry\nend",
]) {
  const t = performance.now();
  try {
    await s.eval(src);
  } catch (e) {
    console.log(e.name, JSON.stringify(e.details), (performance.now() - t).toFixed(0));
  }
  console.log(await s.eval("1+1"));
}
await s.close();
