import { parentPort } from "node:worker_threads";
import { exposeWorkerRuntime } from "@kobako/core/worker";
import { type NodePort, nodeEndpoint } from "./endpoint.js";

if (!parentPort) throw new Error("@kobako/node's worker must run in a worker thread");
exposeWorkerRuntime(nodeEndpoint(parentPort as NodePort));
