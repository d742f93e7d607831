/** The error a promise rejects with; fails the test when it resolves. */
export async function failure<E = import("../dist/index.js").SandboxError>(
  promise: Promise<unknown>,
): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected the promise to reject");
}
