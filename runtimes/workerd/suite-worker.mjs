// The shared conformance suite (suite/conformance.mjs) as a workerd Worker: a request runs it
// and answers its output, `#summary` line included. `@kobako/node` is mapped onto kobako-node.mjs.
import "./flags.mjs";
import "../suite/conformance.mjs";

export default {
  async fetch() {
    const lines = [];
    const log = console.log;
    console.log = (...args) => lines.push(args.map(String).join(" "));
    try {
      await globalThis.KOBAKO_RUN();
    } catch (error) {
      lines.push(`the suite threw: ${error?.stack ?? error}`);
    } finally {
      console.log = log;
    }
    return new Response(`${lines.join("\n")}\n`);
  },
};
